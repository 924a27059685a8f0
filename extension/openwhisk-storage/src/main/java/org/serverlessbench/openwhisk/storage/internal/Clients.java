package org.serverlessbench.openwhisk.storage.internal;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** AWS SDK clients for S3-compatible and DynamoDB-compatible services, with bounded timeouts. */
final class Clients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private Clients() {
    }

    /** Path-style access, and checksums only where S3 requires them (s3proxy and Minio differ on the rest). */
    static S3Client s3(String hostPort, Credentials credentials) {
        return S3Client.builder()
                .endpointOverride(URI.create("http://" + hostPort))
                .region(Region.of(StorageSettings.DEFAULT_REGION))
                .credentialsProvider(provider(credentials))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(http())
                .build();
    }

    static DynamoDbClient dynamoDb(String hostPort, Credentials credentials, String region) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create("http://" + hostPort))
                .region(Region.of(region))
                .credentialsProvider(provider(credentials))
                .httpClient(http())
                .build();
    }

    private static StaticCredentialsProvider provider(Credentials credentials) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(credentials.accessKey(),
                credentials.secretKey()));
    }

    private static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
    }
}
