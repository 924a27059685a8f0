package org.serverlessbench.examples.functions.storagespeed;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.serverlessbench.examples.functions.sebs.SebsStorage;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Measures put+get of one object through the suite's Java storage helper (AWS SDK v2), against a local-file
 * baseline in the same JVM: each round puts {@code size} bytes and reads them back, then writes and reads the same
 * bytes to a local file. {@code storage_cpu} is the CPU time of the calling thread in each put+get. Times are
 * microseconds, one entry per round after {@code warmup}.
 */
public final class StorageSpeed {

    private StorageSpeed() {
    }

    public static JsonObject main(JsonObject args) throws IOException {
        String bucket = args.get("bucket").getAsString();
        String prefix = args.get("prefix").getAsString();
        int size = args.get("size").getAsInt();
        int rounds = args.get("rounds").getAsInt();
        int warmup = args.get("warmup").getAsInt();
        byte[] body = new byte[size];
        new Random().nextBytes(body);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        JsonArray storageTimes = new JsonArray();
        JsonArray storageCpu = new JsonArray();
        JsonArray localTimes = new JsonArray();
        Path local = Files.createTempFile("storage-speed-", ".bin");
        try (S3Client client = SebsStorage.objectStorage(args)) {
            for (int round = 0; round < warmup + rounds; round++) {
                String key = prefix + "/round-" + round;
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                client.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(body));
                byte[] content = client.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
                long storageTime = (System.nanoTime() - start) / 1000;
                long cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1000;
                if (content.length != size) {
                    throw new IllegalStateException("read " + content.length + " bytes back from " + key
                            + ", expected " + size);
                }

                start = System.nanoTime();
                Files.write(local, body);
                Files.readAllBytes(local);
                long localTime = (System.nanoTime() - start) / 1000;
                if (round >= warmup) {
                    storageTimes.add(storageTime);
                    storageCpu.add(cpu);
                    localTimes.add(localTime);
                }
            }
        } finally {
            Files.deleteIfExists(local);
        }
        JsonObject series = new JsonObject();
        series.add("storage", storageTimes);
        series.add("storage_cpu", storageCpu);
        series.add("local", localTimes);
        return series;
    }
}
