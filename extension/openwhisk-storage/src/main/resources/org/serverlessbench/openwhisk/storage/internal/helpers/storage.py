"""The storage helper of Python functions, as SeBS ships one with every function.

openwhisk-storage adds this file, as storage.py, to the package of every Python function (a folder) of a test class
with @OpenWhiskStorage; a storage.py in the function's own folder takes its place. SeBS's OpenWhisk deployment
passes the storage settings as action parameters and its wrapper moves them into the environment: bind(args) does
that, and the clients below read the environment. Clients are made once per process and reused by warm
activations while the settings stay the same. Needs boto3 (Debian: python3-boto3).
"""

import os
import uuid

SETTING_PREFIXES = ("MINIO_STORAGE_", "NOSQL_STORAGE_")

_clients = {}


def bind(args):
    """Moves SeBS's MINIO_STORAGE_* and NOSQL_STORAGE_* parameters out of args into the environment; returns args."""
    for key in [key for key in args if key.startswith(SETTING_PREFIXES)]:
        os.environ[key] = str(args.pop(key))
    return args


def _setting(name):
    value = os.environ.get(name)
    if value is None:
        raise KeyError("%s is not set: the test class needs @OpenWhiskStorage, and the function must call"
                       " storage.bind(args) first" % name)
    return value


def object_storage():
    """The boto3 S3 client of MINIO_STORAGE_CONNECTION_URL (host:port, plain HTTP, path-style, as SeBS's Minio)."""
    settings = tuple(_setting(name) for name in
                     ("MINIO_STORAGE_CONNECTION_URL", "MINIO_STORAGE_ACCESS_KEY", "MINIO_STORAGE_SECRET_KEY"))
    client = _clients.get(settings)
    if client is None:
        import boto3
        from botocore.config import Config
        client = boto3.client(
            "s3",
            endpoint_url="http://" + settings[0],
            aws_access_key_id=settings[1],
            aws_secret_access_key=settings[2],
            region_name="us-east-1",
            config=Config(s3={"addressing_style": "path"}, signature_version="s3v4", connect_timeout=5,
                          read_timeout=60, retries={"max_attempts": 3}),
        )
        _clients[settings] = client
    return client


def unique_name(name):
    """name.<8 hex>.ext, as SeBS's upload names objects so that repeated runs do not overwrite each other."""
    stem, ext = os.path.splitext(name)
    return "%s.%s%s" % (stem, uuid.uuid4().hex[:8], ext)


def download(bucket, key, path):
    """Writes object key of bucket to the file path; returns its size in bytes."""
    with open(path, "wb") as target:
        body = object_storage().get_object(Bucket=bucket, Key=key)["Body"]
        size = 0
        for chunk in iter(lambda: body.read(1 << 20), b""):
            target.write(chunk)
            size += len(chunk)
    return size


def download_bytes(bucket, key):
    """The content of object key of bucket."""
    return object_storage().get_object(Bucket=bucket, Key=key)["Body"].read()


def upload(bucket, key, path):
    """Puts the file path as object key of bucket in one request (no multipart); returns key."""
    with open(path, "rb") as source:
        object_storage().put_object(Bucket=bucket, Key=key, Body=source)
    return key


def upload_bytes(bucket, key, data):
    """Puts data as object key of bucket; returns key."""
    object_storage().put_object(Bucket=bucket, Key=key, Body=data)
    return key


def list_objects(bucket, prefix):
    """Every object under prefix, as boto3's list entries (Key, Size, ...)."""
    entries = []
    for page in object_storage().get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        entries.extend(page.get("Contents", []))
    return entries


def table_name(table):
    """The actual name of logical table table (NOSQL_STORAGE_TABLE_<table>)."""
    return _setting("NOSQL_STORAGE_TABLE_" + table)


def nosql_table(table):
    """The boto3 DynamoDB Table of logical table table at NOSQL_STORAGE_ENDPOINT (no real credentials, as SeBS)."""
    endpoint = _setting("NOSQL_STORAGE_ENDPOINT")
    resource = _clients.get(("dynamodb", endpoint))
    if resource is None:
        import boto3
        resource = boto3.resource("dynamodb", endpoint_url="http://" + endpoint, region_name="us-east-1",
                                  aws_access_key_id="None", aws_secret_access_key="None")
        _clients[("dynamodb", endpoint)] = resource
    return resource.Table(table_name(table))
