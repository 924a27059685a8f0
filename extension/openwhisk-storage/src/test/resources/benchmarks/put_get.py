"""Puts and gets one object of SIZE bytes ROUNDS times, as a storage benchmark's function does with boto3, and
prints one line per round: put and get time in microseconds."""

import os
import sys
import time

import boto3
from botocore.config import Config


def main():
    size, rounds = int(sys.argv[1]), int(sys.argv[2])
    client = boto3.client(
        "s3",
        endpoint_url="http://" + os.environ["MINIO_STORAGE_CONNECTION_URL"],
        aws_access_key_id=os.environ["MINIO_STORAGE_ACCESS_KEY"],
        aws_secret_access_key=os.environ["MINIO_STORAGE_SECRET_KEY"],
        region_name="us-east-1",
        config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"),
    )
    bucket = os.environ["BENCHMARK_BUCKET"]
    body = os.urandom(size)
    for round_number in range(rounds):
        key = "round-%d" % round_number
        start = time.perf_counter_ns()
        client.put_object(Bucket=bucket, Key=key, Body=body)
        middle = time.perf_counter_ns()
        content = client.get_object(Bucket=bucket, Key=key)["Body"].read()
        end = time.perf_counter_ns()
        if len(content) != size:
            raise SystemExit("got %d bytes back, expected %d" % (len(content), size))
        print("%d %d" % ((middle - start) // 1000, (end - middle) // 1000), flush=True)


main()
