"""210.thumbnailer: downloads an image, resizes it to fit width x height keeping its aspect ratio, uploads it.

SeBS's storage parameters arrive as action parameters; like SeBS's wrapper, the function moves them into the
environment. Times in the result are microseconds, as SeBS reports them.
"""

import io
import os
import time
import uuid

import boto3
from botocore.config import Config
from PIL import Image

# is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp).
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
    key = args["object"]["key"]
    width = int(args["object"]["width"])
    height = int(args["object"]["height"])

    download_start = time.perf_counter_ns()
    original = client.get_object(Bucket=bucket, Key="%s/%s" % (args["bucket"]["input"], key))["Body"].read()
    download_end = time.perf_counter_ns()

    with Image.open(io.BytesIO(original)) as image:
        image.thumbnail((width, height))
        resized = io.BytesIO()
        image.save(resized, format="JPEG")
    compute_end = time.perf_counter_ns()

    output_key = "%s/%s" % (args["bucket"]["output"], unique_name("resized-" + key))
    client.put_object(Bucket=bucket, Key=output_key, Body=resized.getvalue())
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
