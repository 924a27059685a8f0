package org.serverlessbench.examples.functions.sebs;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SeBS's {@code bucket} parameter ({@code {bucket, input, output}} prefixes) with an S3 client of the invocation's
 * storage ({@link SebsStorage#objectStorage}); closing it closes the client.
 */
public final class SebsBuckets implements AutoCloseable {

    private final S3Client client;
    private final String bucket;
    private final String input;
    private final String output;

    public SebsBuckets(JsonObject args) {
        JsonObject buckets = args.getAsJsonObject("bucket");
        this.bucket = buckets.get("bucket").getAsString();
        this.input = buckets.has("input") ? buckets.get("input").getAsString() : null;
        this.output = buckets.get("output").getAsString();
        this.client = SebsStorage.objectStorage(args);
    }

    public S3Client client() {
        return client;
    }

    public String bucket() {
        return bucket;
    }

    public String inputKey(String key) {
        return input + "/" + key;
    }

    /** Writes input object {@code key} to the file {@code target}; answers its size in bytes. */
    public long download(String key, Path target) throws IOException {
        client.getObject(r -> r.bucket(bucket).key(inputKey(key)), target);
        return Files.size(target);
    }

    public byte[] downloadBytes(String key) {
        return client.getObjectAsBytes(r -> r.bucket(bucket).key(inputKey(key))).asByteArray();
    }

    /** Uploads the file {@code source} as an output object named after {@code name}; answers its key. */
    public String upload(Path source, String name) {
        String key = outputKey(name);
        client.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromFile(source));
        return key;
    }

    public String uploadBytes(String name, byte[] data, String contentType) {
        String key = outputKey(name);
        client.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(data));
        return key;
    }

    /** SeBS's result of a function that writes one object: {@code {bucket, key}}. */
    public JsonObject result(String key) {
        JsonObject result = new JsonObject();
        result.addProperty("bucket", bucket);
        result.addProperty("key", key);
        return result;
    }

    /** SeBS's output naming: {@code <output prefix>/<name>.<8 hex>.<extension>}. */
    private String outputKey(String name) {
        return output + "/" + SebsStorage.uniqueName(name);
    }

    @Override
    public void close() {
        client.close();
    }
}
