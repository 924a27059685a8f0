"""210.thumbnailer: downloads an image, resizes it to fit width x height keeping its aspect ratio, uploads it.

Storage goes through storage.py, the helper that openwhisk-storage adds to the package (SeBS ships one alike).
Times in the result are microseconds, as SeBS reports them.
"""

import io
import os
import time

import storage
from PIL import Image

# is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp).
_fresh_process = True


def micros(start_ns, end_ns):
    return (end_ns - start_ns) // 1000


def main(args):
    global _fresh_process
    begin = time.time()
    storage.bind(args)
    bucket = args["bucket"]["bucket"]
    key = args["object"]["key"]
    width = int(args["object"]["width"])
    height = int(args["object"]["height"])

    download_start = time.perf_counter_ns()
    original = storage.download_bytes(bucket, "%s/%s" % (args["bucket"]["input"], key))
    download_end = time.perf_counter_ns()

    with Image.open(io.BytesIO(original)) as image:
        image.thumbnail((width, height))
        resized = io.BytesIO()
        image.save(resized, format="JPEG")
    compute_end = time.perf_counter_ns()

    output_key = "%s/%s" % (args["bucket"]["output"], storage.unique_name("resized-" + key))
    storage.upload_bytes(bucket, output_key, resized.getvalue())
    upload_end = time.perf_counter_ns()
    end = time.time()
    is_cold, _fresh_process = _fresh_process, False
    return {
        "result": {"bucket": bucket, "key": output_key},
        "measurement": {
            "download_time": micros(download_start, download_end),
            "download_size": len(original),
            "compute_time": micros(download_end, compute_end),
            "upload_time": micros(compute_end, upload_end),
            "upload_size": resized.getbuffer().nbytes,
        },
        "begin": begin,
        "end": end,
        "is_cold": is_cold,
        "request_id": os.environ.get("__OW_ACTIVATION_ID", ""),
    }
