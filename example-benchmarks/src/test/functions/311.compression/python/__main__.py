"""311.compression: downloads every object under a prefix, zips them into one archive and uploads it.

SeBS's storage parameters arrive as action parameters; like SeBS's wrapper, the function moves them into the
environment. Times in the result are microseconds, as SeBS reports them.
"""

import os
import shutil
import tempfile
import time
import uuid

import boto3
from botocore.config import Config

# is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp,
# so SeBS's cold_run marker file would not tell them apart).
_fresh_process = True


def storage_client(args):
    for key in [key for key in args if key.startswith("MINIO_STORAGE_")]:
        os.environ[key] = str(args.pop(key))
    return boto3.client(
        "s3",
        endpoint_url="http://" + os.environ["MINIO_STORAGE_CONNECTION_URL"],
        aws_access_key_id=os.environ["MINIO_STORAGE_ACCESS_KEY"],
        aws_secret_access_key=os.environ["MINIO_STORAGE_SECRET_KEY"],
        region_name="us-east-1",
        config=Config(s3={"addressing_style": "path"}, signature_version="s3v4", connect_timeout=5,
                      read_timeout=60, retries={"max_attempts": 3}),
    )


def unique_name(name):
    """SeBS's storage upload names an object name.<8 hex>.ext so that repeated runs do not overwrite each other."""
    stem, ext = os.path.splitext(name)
    return "%s.%s%s" % (stem, uuid.uuid4().hex[:8], ext)


def micros(start_ns, end_ns):
    return (end_ns - start_ns) // 1000


def main(args):
    global _fresh_process
    begin = time.time()
    client = storage_client(args)
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
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
            for entry in page.get("Contents", []):
                target = os.path.join(folder, entry["Key"][len(prefix):])
                os.makedirs(os.path.dirname(target), exist_ok=True)
                client.download_file(bucket, entry["Key"], target)
                download_size += entry["Size"]
        download_end = time.perf_counter_ns()

        archive = shutil.make_archive(os.path.join(work, "archive", key), "zip", root_dir=folder)
        compress_end = time.perf_counter_ns()

        archive_name = unique_name(os.path.basename(archive))
        output_key = "%s/%s" % (output_prefix, archive_name)
        client.upload_file(archive, bucket, output_key)
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
