package org.serverlessbench.openwhisk.storage;

/**
 * The JUnit configuration parameters of the storage module. Without an endpoint the embedded service runs on
 * 127.0.0.1. See {@code docs/storage-object.md} and {@code docs/storage-nosql.md}.
 */
public final class StorageKeys {

    /** A remote S3 or Minio endpoint, {@code http://host:port} or {@code host:port}; unset: embedded s3proxy. */
    public static final String OBJECT_ENDPOINT = "openwhisk.storage.object.endpoint";

    /** The access key of the remote object storage. */
    public static final String OBJECT_ACCESS_KEY = "openwhisk.storage.object.accessKey";

    /** The secret key of the remote object storage. */
    public static final String OBJECT_SECRET_KEY = "openwhisk.storage.object.secretKey";

    /** A remote DynamoDB API endpoint (ScyllaDB Alternator), {@code http://host:port}; unset: embedded dynalite. */
    public static final String NOSQL_ENDPOINT = "openwhisk.storage.nosql.endpoint";

    /** The region sent to the remote NoSQL endpoint; default {@code us-east-1}. */
    public static final String NOSQL_REGION = "openwhisk.storage.nosql.region";

    /** The access key of the remote NoSQL endpoint; default {@code none}, as Alternator without auth accepts. */
    public static final String NOSQL_ACCESS_KEY = "openwhisk.storage.nosql.accessKey";

    /** The secret key of the remote NoSQL endpoint; default {@code none}. */
    public static final String NOSQL_SECRET_KEY = "openwhisk.storage.nosql.secretKey";

    /**
     * {@code always}, {@code on-success} (keep the bucket and tables of a class with a failed test) or
     * {@code never}; default: the value of {@code openwhisk.cleanup}, else {@code always}.
     */
    public static final String CLEANUP = "openwhisk.storage.cleanup";

    /** Where dynalite is installed with npm and cached; default {@code target/openwhisk-storage}. */
    public static final String WORK_DIRECTORY = "openwhisk.storage.workDirectory";

    private StorageKeys() {
    }
}
