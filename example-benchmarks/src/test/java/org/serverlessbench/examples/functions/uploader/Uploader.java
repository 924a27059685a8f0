package org.serverlessbench.examples.functions.uploader;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.serverlessbench.examples.functions.sebs.SebsBuckets;
import org.serverlessbench.examples.functions.sebs.SebsMeasurement;
import org.serverlessbench.examples.functions.sebs.SebsOutput;
import org.serverlessbench.examples.functions.sebs.WorkFolder;

/** 120.uploader as a Java action: fetches a file from a URL and uploads it to object storage. */
public final class Uploader {

    private Uploader() {
    }

    public static JsonObject main(JsonObject args) throws IOException {
        double begin = SebsOutput.nowSeconds();
        String url = args.getAsJsonObject("object").get("url").getAsString();
        String path = new URL(url).getPath();
        String name = path.isEmpty() || path.endsWith("/") ? "download" : path.substring(path.lastIndexOf('/') + 1);
        try (SebsBuckets buckets = new SebsBuckets(args); WorkFolder work = new WorkFolder("uploader-")) {
            Path file = work.resolve(name);
            SebsMeasurement measurement = new SebsMeasurement();
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(60_000);
            if (connection.getResponseCode() != 200) {
                throw new IOException("GET " + url + " answered " + connection.getResponseCode());
            }
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            long size = Files.size(file);
            measurement.phase("download", size);
            String key = buckets.upload(file, name);
            measurement.phase("upload", size);

            JsonObject result = buckets.result(key);
            result.addProperty("url", url);
            return SebsOutput.of(result, measurement.json(), begin);
        }
    }
}
