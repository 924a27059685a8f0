# Answers like a SeBS function wrapper: begin/end as "sec.micros" strings and is_cold from a per-process flag.
import time

_cold = True


def _stamp(seconds):
    whole = int(seconds)
    return "%d.%06d" % (whole, int((seconds - whole) * 1_000_000))


def main(args):
    global _cold
    begin = time.time()
    time.sleep(float(args.get("sleep", 0)))
    end = time.time()
    is_cold = _cold
    _cold = False
    return {
        "begin": _stamp(begin),
        "end": _stamp(end),
        "is_cold": is_cold,
        "result": {"slept": args.get("sleep", 0)},
    }
