package org.serverlessbench.examples.functions.uploader;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.serverlessbench.examples.functions.sebs.SebsOutput;
import org.serverlessbench.examples.functions.sebs.SebsStorage;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** 120.uploader as a Java action: fetches a file from a URL and uploads it to object storage. */
public final class Uploader {

    private Uploader() {
    }

    public static JsonObject main(JsonObject args) throws IOException {
        double begin = SebsOutput.nowSeconds();
        JsonObject buckets = args.getAsJsonObject("bucket");
        String bucket = buckets.get("bucket").getAsString();
        String url = args.getAsJsonObject("object").get("url").getAsString();
        String path = new URL(url).getPath();
        String name = path.isEmpty() || path.endsWith("/") ? "download" : path.substring(path.lastIndexOf('/') + 1);
        Path file = Files.createTempFile("uploader-", "-" + name);
        try (S3Client client = SebsStorage.objectStorage(args)) {
            long downloadStart = System.nanoTime();
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(60_000);
            if (connection.getResponseCode() != 200) {
                throw new IOException("GET " + url + " answered " + connection.getResponseCode());
            }
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            long downloadEnd = System.nanoTime();
            long size = Files.size(file);
            String key = buckets.get("output").getAsString() + "/" + SebsStorage.uniqueName(name);
            client.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromFile(file));
            long uploadEnd = System.nanoTime();

            JsonObject result = new JsonObject();
            result.addProperty("bucket", bucket);
            result.addProperty("url", url);
            result.addProperty("key", key);
            JsonObject measurement = new JsonObject();
            measurement.addProperty("download_time", SebsOutput.micros(downloadStart, downloadEnd));
            measurement.addProperty("download_size", size);
            measurement.addProperty("upload_time", SebsOutput.micros(downloadEnd, uploadEnd));
            measurement.addProperty("upload_size", size);
            return SebsOutput.of(result, measurement, begin);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
