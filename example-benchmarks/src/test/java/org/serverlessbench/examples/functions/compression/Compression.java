package org.serverlessbench.examples.functions.compression;

import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.serverlessbench.examples.functions.sebs.SebsBuckets;
import org.serverlessbench.examples.functions.sebs.SebsMeasurement;
import org.serverlessbench.examples.functions.sebs.SebsOutput;
import org.serverlessbench.examples.functions.sebs.WorkFolder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** 311.compression as a Java action: downloads every object under a prefix, zips them and uploads the archive. */
public final class Compression {

    private Compression() {
    }

    public static JsonObject main(JsonObject args) throws IOException {
        double begin = SebsOutput.nowSeconds();
        String key = args.getAsJsonObject("object").get("key").getAsString();
        try (SebsBuckets buckets = new SebsBuckets(args); WorkFolder work = new WorkFolder("compression-")) {
            Path folder = work.resolve(key);
            String prefix = buckets.inputKey(key) + "/";
            S3Client client = buckets.client();
            SebsMeasurement measurement = new SebsMeasurement();
            long downloadSize = 0;
            for (S3Object object : client.listObjectsV2Paginator(r -> r.bucket(buckets.bucket()).prefix(prefix))
                    .contents()) {
                Path target = folder.resolve(object.key().substring(prefix.length()));
                Files.createDirectories(target.getParent());
                client.getObject(r -> r.bucket(buckets.bucket()).key(object.key()), target);
                downloadSize += object.size();
            }
            measurement.phase("download", downloadSize);

            Path archive = work.resolve(key + ".zip");
            zip(folder, archive);
            measurement.phase("compute");

            String outputKey = buckets.upload(archive, key + ".zip");
            measurement.phase("upload", Files.size(archive));
            return SebsOutput.of(buckets.result(outputKey), measurement.json(), begin);
        }
    }

    private static void zip(Path folder, Path archive) throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(folder)) {
            files = paths.filter(Files::isRegularFile).collect(Collectors.toCollection(ArrayList::new));
        }
        Collections.sort(files);
        try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
