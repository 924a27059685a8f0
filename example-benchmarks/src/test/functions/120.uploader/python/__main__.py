"""120.uploader: fetches a file from a URL and uploads it to object storage.

Storage, timings and the result shape come from sebs.py, the suite's shared harness.
"""

import os
import tempfile
import time
import urllib.request

import sebs


def main(args):
    begin = time.time()
    buckets = sebs.Buckets(args)
    url = args["object"]["url"]
    name = os.path.basename(url.split("?")[0]) or "download"
    with tempfile.TemporaryDirectory(prefix="uploader-") as work:
        path = os.path.join(work, name)
        measurement = sebs.Measurement()
        with urllib.request.urlopen(url, timeout=60) as response, open(path, "wb") as target:
            while True:
                chunk = response.read(1 << 20)
                if not chunk:
                    break
                target.write(chunk)
        size = os.path.getsize(path)
        measurement.phase("download", size)
        key = buckets.upload(path)
        measurement.phase("upload", size)
    return sebs.output({"bucket": buckets.bucket, "url": url, "key": key}, begin, measurement)
