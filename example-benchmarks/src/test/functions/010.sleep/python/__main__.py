"""010.sleep: sleeps for `sleep` seconds and reports SeBS-style timings (Python standard library only)."""

import math
import os
import time

# is_cold: true for the first activation this process serves. A module-level flag rather than SeBS's cold_run marker
# file, because the embedded OpenWhisk runs every container as a local process sharing one /tmp.
_fresh_process = True


def _number(value):
    """The number in `value` (a JSON number, or a string from a web action's query), or None."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def main(args):
    global _fresh_process
    begin = time.time()
    seconds = _number(args.get("sleep"))
    if seconds is None or seconds < 0:
        return {"error": '010.sleep needs a parameter "sleep" with a number of seconds >= 0, got %r'
                % (args.get("sleep"),)}
    time.sleep(seconds)
    end = time.time()
    is_cold, _fresh_process = _fresh_process, False
    return {
        "result": {"sleep": seconds},
        "begin": begin,
        "end": end,
        "is_cold": is_cold,
        "request_id": os.environ.get("__OW_ACTIVATION_ID", ""),
    }
