"""210.thumbnailer: downloads an image, resizes it to fit width x height keeping its aspect ratio, uploads it.

Storage, timings and the result shape come from sebs.py, the suite's shared harness.
"""

import io
import time

from PIL import Image

import sebs


def main(args):
    begin = time.time()
    buckets = sebs.Buckets(args)
    key = args["object"]["key"]
    width = int(args["object"]["width"])
    height = int(args["object"]["height"])

    measurement = sebs.Measurement()
    original = buckets.download_bytes(key)
    measurement.phase("download", len(original))

    with Image.open(io.BytesIO(original)) as image:
        image.thumbnail((width, height))
        resized = io.BytesIO()
        image.save(resized, format="JPEG")
    measurement.phase("compute")

    output_key = buckets.upload_bytes("resized-" + key, resized.getvalue())
    measurement.phase("upload", resized.getbuffer().nbytes)
    return sebs.output({"bucket": buckets.bucket, "key": output_key}, begin, measurement)
