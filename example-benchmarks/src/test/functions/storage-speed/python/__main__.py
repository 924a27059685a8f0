"""Measures put+get of one object through the storage helper, against a local-file baseline in the same process.

Each round puts `size` bytes and reads them back through storage.py (one PUT, one GET), then writes and reads the
same bytes to a local file (the baseline: the same bytes through the same process, without HTTP, signing and
s3proxy). "storage_cpu" is the CPU time this process spent in each put+get (hashing, signing, copying). With
"transfer": true another series uses boto3's managed transfer (upload_file/download_file), which splits objects
above 8 MB into parts and threads. Times are microseconds, one entry per round after `warmup`.
"""

import os
import tempfile
import time

import storage


def _micros(start):
    return (time.perf_counter_ns() - start) // 1000


def main(args):
    storage.bind(args)
    bucket, prefix = args["bucket"], args["prefix"]
    size, rounds, warmup = int(args["size"]), int(args["rounds"]), int(args["warmup"])
    body = os.urandom(size)
    series = {"storage": [], "storage_cpu": [], "local": []}
    if args.get("transfer"):
        series["transfer"] = []
    work = tempfile.mkdtemp(prefix="storage-speed-")
    local = os.path.join(work, "local.bin")
    source = os.path.join(work, "source.bin")
    copy = os.path.join(work, "copy.bin")
    with open(source, "wb") as out:
        out.write(body)
    try:
        for round_number in range(warmup + rounds):
            key = "%s/round-%d" % (prefix, round_number)
            start = time.perf_counter_ns()
            cpu_start = time.process_time_ns()
            storage.upload_bytes(bucket, key, body)
            content = storage.download_bytes(bucket, key)
            storage_time = _micros(start)
            storage_cpu = (time.process_time_ns() - cpu_start) // 1000
            if len(content) != size:
                raise ValueError("read %d bytes back from %s, expected %d" % (len(content), key, size))

            start = time.perf_counter_ns()
            with open(local, "wb") as out:
                out.write(body)
            with open(local, "rb") as back:
                content = back.read()
            local_time = _micros(start)

            times = {"storage": storage_time, "storage_cpu": storage_cpu, "local": local_time}
            if "transfer" in series:
                start = time.perf_counter_ns()
                storage.object_storage().upload_file(source, bucket, key + ".transfer")
                storage.object_storage().download_file(bucket, key + ".transfer", copy)
                times["transfer"] = _micros(start)
            if round_number >= warmup:
                for name, value in times.items():
                    series[name].append(value)
    finally:
        for name in os.listdir(work):
            os.remove(os.path.join(work, name))
        os.rmdir(work)
    return series
