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
import org.serverlessbench.examples.functions.sebs.SebsOutput;
import org.serverlessbench.examples.functions.sebs.SebsStorage;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** 311.compression as a Java action: downloads every object under a prefix, zips them and uploads the archive. */
public final class Compression {

    private Compression() {
    }

    public static JsonObject main(JsonObject args) throws IOException {
        double begin = SebsOutput.nowSeconds();
        JsonObject buckets = args.getAsJsonObject("bucket");
        String bucket = buckets.get("bucket").getAsString();
        String key = args.getAsJsonObject("object").get("key").getAsString();
        Path work = Files.createTempDirectory("compression-");
        try (S3Client client = SebsStorage.objectStorage(args)) {
            Path folder = work.resolve(key);
            String prefix = buckets.get("input").getAsString() + "/" + key + "/";
            long downloadStart = System.nanoTime();
            long downloadSize = 0;
            for (S3Object object : client.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
                Path target = folder.resolve(object.key().substring(prefix.length()));
                Files.createDirectories(target.getParent());
                client.getObject(r -> r.bucket(bucket).key(object.key()), target);
                downloadSize += object.size();
            }
            long downloadEnd = System.nanoTime();

            Path archive = work.resolve(key + ".zip");
            zip(folder, archive);
            long compressEnd = System.nanoTime();

            String outputKey = buckets.get("output").getAsString() + "/" + SebsStorage.uniqueName(key + ".zip");
            client.putObject(r -> r.bucket(bucket).key(outputKey), RequestBody.fromFile(archive));
            long uploadEnd = System.nanoTime();

            JsonObject result = new JsonObject();
            result.addProperty("bucket", bucket);
            result.addProperty("key", outputKey);
            JsonObject measurement = new JsonObject();
            measurement.addProperty("download_time", SebsOutput.micros(downloadStart, downloadEnd));
            measurement.addProperty("download_size", downloadSize);
            measurement.addProperty("compute_time", SebsOutput.micros(downloadEnd, compressEnd));
            measurement.addProperty("upload_time", SebsOutput.micros(compressEnd, uploadEnd));
            measurement.addProperty("upload_size", Files.size(archive));
            return SebsOutput.of(result, measurement, begin);
        } finally {
            delete(work);
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

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> all = paths.collect(Collectors.toList());
            Collections.reverse(all);
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        }
    }
}
