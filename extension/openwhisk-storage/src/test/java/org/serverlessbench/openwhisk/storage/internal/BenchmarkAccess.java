package org.serverlessbench.openwhisk.storage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Opens the package's embedded object store to the benchmark programs: a store with one bucket, and its clients. */
public final class BenchmarkAccess implements AutoCloseable {

    private final EmbeddedObjectStore store;
    private final S3Client client;
    private final String bucket;

    private BenchmarkAccess(EmbeddedObjectStore store, S3Client client, String bucket) {
        this.store = store;
        this.client = client;
        this.bucket = bucket;
    }

    public static BenchmarkAccess start(String bucket) throws Exception {
        EmbeddedObjectStore store = EmbeddedObjectStore.start();
        S3Client client = Clients.s3(store.hostPort(), store.credentials());
        client.createBucket(request -> request.bucket(bucket));
        return new BenchmarkAccess(store, client, bucket);
    }

    /** SeBS's object storage parameters, and the bucket as {@code BENCHMARK_BUCKET}. */
    public Map<String, String> sebsEnvironment() {
        return Map.of(StorageParameters.OBJECT_URL, store.hostPort(),
                StorageParameters.OBJECT_ACCESS_KEY, store.credentials().accessKey(),
                StorageParameters.OBJECT_SECRET_KEY, store.credentials().secretKey(),
                "BENCHMARK_BUCKET", bucket);
    }

    /** Put and get times in microseconds of {@code rounds} rounds with this JVM's client. */
    public List<long[]> javaRounds(int size, int rounds) {
        byte[] body = new byte[size];
        new Random(42).nextBytes(body);
        List<long[]> times = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            String key = "java-" + round;
            long start = System.nanoTime();
            client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(body));
            long middle = System.nanoTime();
            byte[] content = client.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
            long end = System.nanoTime();
            if (content.length != size) {
                throw new IllegalStateException("got " + content.length + " bytes back, expected " + size);
            }
            times.add(new long[] {(middle - start) / 1000, (end - middle) / 1000});
        }
        return times;
    }

    @Override
    public void close() throws Exception {
        client.close();
        store.close();
    }
}
