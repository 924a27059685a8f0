"""110.dynamic-html: renders an HTML page for `username` listing `random_len` random numbers.

Python standard library only, because OpenWhisk's python:3.11 runtime has no Jinja2: a small Mustache-like template
engine written here (variables {{name}}, sections {{#list}}...{{.}}...{{/list}}) stands in for it. The image function
renders with Jinja2 (../python-jinja2).
"""

import datetime
import html
import math
import random
import re
import time

import sebs

# OpenWhisk truncates results above 1 MB; larger pages are reported by size only.
MAX_RETURNED_HTML_BYTES = 256 * 1024

TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Random numbers for {{username}}</title>
</head>
<body>
<h1>Welcome, {{username}}!</h1>
<p>Rendered at {{time}} with {{count}} random numbers.</p>
<ul>
{{#numbers}}<li>{{.}}</li>
{{/numbers}}</ul>
</body>
</html>
"""

_SECTION = re.compile(r"\{\{#(\w+)\}\}(.*?)\{\{/\1\}\}", re.DOTALL)
_VARIABLE = re.compile(r"\{\{(\w+)\}\}")


def render(template, view):
    def section(match):
        body = match.group(2)
        return "".join(body.replace("{{.}}", html.escape(str(item))) for item in view.get(match.group(1), []))

    expanded = _SECTION.sub(section, template)
    return _VARIABLE.sub(lambda match: html.escape(str(view.get(match.group(1), ""))), expanded)


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
    page = render(TEMPLATE, {
        "username": args.get("username", "testname"),
        "time": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "count": count,
        "numbers": [random.randrange(1000000) for _ in range(count)],
    })
    size_bytes = len(page.encode("utf-8"))
    result = {"size_bytes": size_bytes}
    if size_bytes <= MAX_RETURNED_HTML_BYTES:
        result["html"] = page
    return sebs.output(result, begin)
