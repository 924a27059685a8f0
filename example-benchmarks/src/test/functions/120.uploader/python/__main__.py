"""120.uploader: fetches a file from a URL and uploads it to object storage.

Storage goes through storage.py, the helper that openwhisk-storage adds to the package (SeBS ships one alike).
Times in the result are microseconds, as SeBS reports them.
"""

import os
import tempfile
import time
import urllib.request

import storage

# is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp).
_fresh_process = True


def micros(start_ns, end_ns):
    return (end_ns - start_ns) // 1000


def main(args):
    global _fresh_process
    begin = time.time()
    storage.bind(args)
    bucket = args["bucket"]["bucket"]
    output_prefix = args["bucket"]["output"]
    url = args["object"]["url"]
    name = os.path.basename(url.split("?")[0]) or "download"
    with tempfile.TemporaryDirectory(prefix="uploader-") as work:
        path = os.path.join(work, name)
        download_start = time.perf_counter_ns()
        with urllib.request.urlopen(url, timeout=60) as response, open(path, "wb") as target:
            while True:
                chunk = response.read(1 << 20)
                if not chunk:
                    break
                target.write(chunk)
        download_end = time.perf_counter_ns()
        size = os.path.getsize(path)
        key = "%s/%s" % (output_prefix, storage.unique_name(name))
        storage.upload(bucket, key, path)
        upload_end = time.perf_counter_ns()
    end = time.time()
    is_cold, _fresh_process = _fresh_process, False
    return {
        "result": {"bucket": bucket, "url": url, "key": key},
        "measurement": {
            "download_time": micros(download_start, download_end),
            "download_size": size,
            "upload_time": micros(download_end, upload_end),
            "upload_size": size,
        },
        "begin": begin,
        "end": end,
        "is_cold": is_cold,
        "request_id": os.environ.get("__OW_ACTIVATION_ID", ""),
    }
