package org.serverlessbench.examples.functions.sebs;

import com.google.gson.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Clients for SeBS's storage parameters ({@code MINIO_STORAGE_*}, {@code NOSQL_STORAGE_*}), which OpenWhisk passes
 * as action parameters. A Java action cannot change its environment, so the arguments are read first and the
 * environment second.
 */
public final class SebsStorage {

    private SebsStorage() {
    }

    /** The S3 client of {@code MINIO_STORAGE_CONNECTION_URL} (host:port, no TLS, as SeBS's Minio client). */
    public static S3Client objectStorage(JsonObject args) {
        return S3Client.builder()
                .endpointOverride(URI.create("http://" + setting(args, "MINIO_STORAGE_CONNECTION_URL")))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        setting(args, "MINIO_STORAGE_ACCESS_KEY"), setting(args, "MINIO_STORAGE_SECRET_KEY"))))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(http())
                .build();
    }

    /** The DynamoDB client of {@code NOSQL_STORAGE_ENDPOINT}; like SeBS, without real credentials. */
    public static DynamoDbClient nosql(JsonObject args) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create("http://" + setting(args, "NOSQL_STORAGE_ENDPOINT")))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("None", "None")))
                .httpClient(http())
                .build();
    }

    /** The actual name of logical table {@code table} ({@code NOSQL_STORAGE_TABLE_<table>}). */
    public static String table(JsonObject args, String table) {
        return setting(args, "NOSQL_STORAGE_TABLE_" + table);
    }

    /** SeBS's storage upload names an object {@code name.<8 hex>.ext} so that runs do not overwrite each other. */
    public static String uniqueName(String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String extension = dot < 0 ? "" : name.substring(dot);
        return stem + "." + UUID.randomUUID().toString().substring(0, 8) + extension;
    }

    static String setting(JsonObject args, String key) {
        if (args.has(key) && args.get(key).isJsonPrimitive()) {
            return args.get(key).getAsString();
        }
        String value = System.getenv(key);
        if (value == null) {
            throw new IllegalArgumentException("Storage parameter " + key + " is missing: declare the storage of"
                    + " this function, as SeBS binds it to the action");
        }
        return value;
    }

    private static UrlConnectionHttpClient http() {
        return (UrlConnectionHttpClient) UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
    }
}
