"""311.compression: downloads every object under a prefix, zips them into one archive and uploads it.

Storage goes through storage.py, the helper that openwhisk-storage adds to the package (SeBS ships one alike).
Times in the result are microseconds, as SeBS reports them.
"""

import os
import shutil
import tempfile
import time

import storage

# is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp,
# so SeBS's cold_run marker file would not tell them apart).
_fresh_process = True


def micros(start_ns, end_ns):
    return (end_ns - start_ns) // 1000


def main(args):
    global _fresh_process
    begin = time.time()
    storage.bind(args)
    bucket = args["bucket"]["bucket"]
    input_prefix = args["bucket"]["input"]
    output_prefix = args["bucket"]["output"]
    key = args["object"]["key"]
    work = tempfile.mkdtemp(prefix="compression-")
    try:
        folder = os.path.join(work, key)
        download_start = time.perf_counter_ns()
        download_size = 0
        prefix = "%s/%s/" % (input_prefix, key)
        for entry in storage.list_objects(bucket, prefix):
            target = os.path.join(folder, entry["Key"][len(prefix):])
            os.makedirs(os.path.dirname(target), exist_ok=True)
            download_size += storage.download(bucket, entry["Key"], target)
        download_end = time.perf_counter_ns()

        archive = shutil.make_archive(os.path.join(work, "archive", key), "zip", root_dir=folder)
        compress_end = time.perf_counter_ns()

        archive_name = storage.unique_name(os.path.basename(archive))
        output_key = "%s/%s" % (output_prefix, archive_name)
        storage.upload(bucket, output_key, archive)
        upload_end = time.perf_counter_ns()
        upload_size = os.path.getsize(archive)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    end = time.time()
    is_cold, _fresh_process = _fresh_process, False
    return {
        "result": {"bucket": bucket, "key": output_key},
        "measurement": {
            "download_time": micros(download_start, download_end),
            "download_size": download_size,
            "compute_time": micros(download_end, compress_end),
            "upload_time": micros(compress_end, upload_end),
            "upload_size": upload_size,
        },
        "begin": begin,
        "end": end,
        "is_cold": is_cold,
        "request_id": os.environ.get("__OW_ACTIVATION_ID", ""),
    }
