"""311.compression: downloads every object under a prefix, zips them into one archive and uploads it.

Storage, timings and the result shape come from sebs.py, the suite's shared harness.
"""

import os
import shutil
import tempfile
import time

import sebs
import storage


def main(args):
    begin = time.time()
    buckets = sebs.Buckets(args)
    key = args["object"]["key"]
    with tempfile.TemporaryDirectory(prefix="compression-") as work:
        folder = os.path.join(work, key)
        prefix = buckets.input_key(key) + "/"
        measurement = sebs.Measurement()
        download_size = 0
        for entry in storage.list_objects(buckets.bucket, prefix):
            target = os.path.join(folder, entry["Key"][len(prefix):])
            os.makedirs(os.path.dirname(target), exist_ok=True)
            download_size += storage.download(buckets.bucket, entry["Key"], target)
        measurement.phase("download", download_size)

        archive = shutil.make_archive(os.path.join(work, "archive", key), "zip", root_dir=folder)
        measurement.phase("compute")

        output_key = buckets.upload(archive)
        measurement.phase("upload", os.path.getsize(archive))
    return sebs.output({"bucket": buckets.bucket, "key": output_key}, begin, measurement)
