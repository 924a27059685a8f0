"""Puts a text through the storage helper that openwhisk-storage adds to the package and reads it back."""

import storage


def main(args):
    storage.bind(args)
    bucket, key = args["bucket"], args["key"]
    storage.upload_bytes(bucket, key, args["text"].encode("utf-8"))
    return {
        "content": storage.download_bytes(bucket, key).decode("utf-8"),
        "listed": [entry["Key"] for entry in storage.list_objects(bucket, key)],
        "unique": storage.unique_name("result.json"),
        "left": sorted(name for name in args if name.startswith("MINIO_")),
    }
