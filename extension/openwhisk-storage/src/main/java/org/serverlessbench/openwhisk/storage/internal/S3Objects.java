package org.serverlessbench.openwhisk.storage.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.serverlessbench.openwhisk.storage.ObjectStorage;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/** One class's bucket: made by {@link #create()}, emptied and removed by {@link #delete()}. */
final class S3Objects implements ObjectStorage {

    private final S3Client client;
    private final String endpoint;
    private final String bucket;
    private final String benchmark;

    S3Objects(S3Client client, String endpoint, String bucket, String benchmark) {
        this.client = client;
        this.endpoint = endpoint;
        this.bucket = bucket;
        this.benchmark = benchmark;
    }

    void create() {
        client.createBucket(request -> request.bucket(bucket));
    }

    /** Removes every object, then the bucket. */
    void delete() {
        List<String> keys = list("");
        for (int start = 0; start < keys.size(); start += 1000) {
            List<ObjectIdentifier> batch = new ArrayList<>();
            keys.subList(start, Math.min(keys.size(), start + 1000))
                    .forEach(key -> batch.add(ObjectIdentifier.builder().key(key).build()));
            client.deleteObjects(request -> request.bucket(bucket).delete(Delete.builder().objects(batch).build()));
        }
        client.deleteBucket(request -> request.bucket(bucket));
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public String inputPrefix() {
        return benchmark + "-0-input";
    }

    @Override
    public String outputPrefix() {
        return benchmark + "-0-output";
    }

    @Override
    public Map<String, Object> sebsBucket() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("bucket", bucket);
        value.put("input", inputPrefix());
        value.put("output", outputPrefix());
        return value;
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public void put(String key, byte[] content) {
        client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    @Override
    public void put(String key, Path file) {
        client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromFile(file));
    }

    @Override
    public byte[] get(String key) {
        try {
            return client.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new IllegalStateException("Object '" + key + "' does not exist in bucket '" + bucket + "' at "
                    + endpoint + "; present under the output prefix: " + list(outputPrefix()), e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .forEach(keys::add);
        keys.sort(null);
        return keys;
    }

    @Override
    public String toString() {
        return "ObjectStorage[bucket " + bucket + " at " + endpoint + "]";
    }
}
