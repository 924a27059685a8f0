"""110.dynamic-html with Jinja2, as SeBS's Python version renders it, for the image function: renders an HTML page for
`username` listing `random_len` random numbers. Jinja2 comes from the image (Debian's python3-jinja2); OpenWhisk's
python:3.11 runtime has none, so the code action is the standard-library version in ../python."""

import datetime
import math
import random
import time

import jinja2

import sebs

# OpenWhisk truncates results above 1 MB; larger pages are reported by size only.
MAX_RETURNED_HTML_BYTES = 256 * 1024

_TEMPLATE = jinja2.Environment(autoescape=True).from_string("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Random numbers for {{ username }}</title>
</head>
<body>
<h1>Welcome, {{ username }}!</h1>
<p>Rendered at {{ time }} with {{ count }} random numbers.</p>
<ul>
{% for number in numbers %}<li>{{ number }}</li>
{% endfor %}</ul>
</body>
</html>
""")


def _whole_number(value):
    """The whole number in `value` (a JSON number, or a string from a web action's query), or None."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if math.isfinite(number) and number.is_integer() else None


def main(args):
    begin = time.time()
    count = _whole_number(args.get("random_len"))
    if count is None or count < 0:
        return {"error": '110.dynamic-html needs a parameter "random_len" with a whole number >= 0, got %r'
                % (args.get("random_len"),)}
    page = _TEMPLATE.render(
        username=args.get("username", "testname"),
        time=datetime.datetime.now(datetime.timezone.utc).isoformat(),
        count=count,
        numbers=[random.randrange(1000000) for _ in range(count)],
    )
    size_bytes = len(page.encode("utf-8"))
    # Where the package came from: the image's Debian package, not the action's zip.
    result = {"size_bytes": size_bytes, "renderer": "jinja2 %s from %s" % (jinja2.__version__, jinja2.__file__)}
    if size_bytes <= MAX_RETURNED_HTML_BYTES:
        result["html"] = page
    return sebs.output(result, begin)
