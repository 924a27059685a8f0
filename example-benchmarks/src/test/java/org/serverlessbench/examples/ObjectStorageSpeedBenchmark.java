package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.serverlessbench.openwhisk.junit.FunctionName;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;
import org.serverlessbench.openwhisk.junit.Trigger;
import org.serverlessbench.openwhisk.storage.ObjectStorage;
import org.serverlessbench.openwhisk.storage.OpenWhiskStorage;

/**
 * The speed target of the embedded object storage: put+get of a 10 MB object from a function, p50 at most 150 ms.
 * One function per language runs the rounds itself through its storage helper and times each one, together with a
 * baseline in the same process and round: the same bytes written to and read from a local file. Prints p50 and p95
 * of both and their ratio, which stays comparable on a loaded machine, and the CPU time spent per put+get by the
 * function's process and by this JVM (where s3proxy runs). A measurement, not a check: it asserts only that every
 * round moved the whole object. Runs only when asked, as {@code -D}{@value #ENABLED}{@code =true}
 * (figures and command in {@code docs/suite.md}).
 */
@OpenWhiskTest
@Tag("storage-speed")
@EnabledIfSystemProperty(named = ObjectStorageSpeedBenchmark.ENABLED, matches = "true")
@OpenWhiskStorage(benchmark = "storage-speed", object = true)
@OpenWhiskFunction(name = "speed-python", code = "src/test/functions/storage-speed/python", memory = 256,
        timeout = 300_000)
@OpenWhiskFunction(name = "speed-nodejs", code = "src/test/functions/storage-speed/nodejs", memory = 256,
        timeout = 300_000)
@OpenWhiskFunction(name = "speed-java", code = "target/functions/sebs-java-functions.jar",
        main = "org.serverlessbench.examples.functions.storagespeed.StorageSpeed", memory = 512, timeout = 300_000)
class ObjectStorageSpeedBenchmark {

    static final String ENABLED = "openwhisk.benchmark.storageSpeed";

    private static final int SIZE = 10 * 1024 * 1024;
    private static final int ROUNDS = Integer.getInteger("openwhisk.benchmark.storageSpeed.rounds", 30);
    private static final int WARMUP = 5;

    @Test
    void python(@FunctionName("speed-python") Trigger trigger, ObjectStorage storage, TestReporter reporter) {
        FunctionLibraries.assumePython("boto3", "python3-boto3");
        report("python boto3", () -> trigger.invoke(input(storage, "python", true)), 2, reporter);
    }

    @Test
    void nodejs(@FunctionName("speed-nodejs") Trigger trigger, ObjectStorage storage, TestReporter reporter) {
        report("nodejs minio", () -> trigger.invoke(input(storage, "nodejs", false)), 1, reporter);
    }

    @Test
    void java(@FunctionName("speed-java") Trigger trigger, ObjectStorage storage, TestReporter reporter) {
        report("java AWS SDK v2", () -> trigger.invoke(input(storage, "java", false)), 1, reporter);
    }

    private static Map<String, Object> input(ObjectStorage storage, String language, boolean transfer) {
        return Map.of("bucket", storage.bucket(), "prefix", storage.outputPrefix() + "/" + language,
                "size", SIZE, "rounds", ROUNDS, "warmup", WARMUP, "transfer", transfer);
    }

    /**
     * Runs the function once and reports its series. {@code putGetsPerRound} is how many put+get pairs each round
     * makes, to share the test JVM's CPU time (s3proxy runs here) out per put+get.
     */
    @SuppressWarnings("unchecked")
    private static void report(String client, Supplier<Invocation> run, int putGetsPerRound, TestReporter reporter) {
        Duration cpuBefore = testJvmCpu();
        Invocation invocation = run.get().assertSuccess();
        Duration serverCpu = testJvmCpu().minus(cpuBefore);
        Map<String, Object> series = (Map<String, Object>) invocation.result();
        Map<String, String> entries = new LinkedHashMap<>();
        double local = percentile((List<Number>) series.get("local"), 50);
        for (Map.Entry<String, Object> entry : series.entrySet()) {
            List<Number> micros = (List<Number>) entry.getValue();
            assertThat(micros).as("%s rounds of %s", entry.getKey(), client).hasSize(ROUNDS)
                    .allSatisfy(time -> assertThat(time.longValue()).isNotNegative());
            double p50 = percentile(micros, 50);
            entries.put("storageSpeed." + entry.getKey() + ".p50Ms", format(p50));
            entries.put("storageSpeed." + entry.getKey() + ".p95Ms", format(percentile(micros, 95)));
            if (!entry.getKey().endsWith("_cpu")) {
                entries.put("storageSpeed." + entry.getKey() + ".p50OverLocal", format(p50 / local));
            }
        }
        entries.put("storageSpeed.testJvmCpuPerPutGetMs", format(serverCpu.toNanos() / 1e6
                / ((WARMUP + ROUNDS) * putGetsPerRound)));
        reporter.publishEntry(entries);
        System.out.printf(Locale.ROOT, "10 MiB put+get from a function, %s, n=%d: %s; load average %s%n", client,
                ROUNDS, entries, loadAverage());
    }

    /** The CPU time of this JVM so far, in which the embedded s3proxy serves the functions. */
    private static Duration testJvmCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow(() -> new IllegalStateException(
                "this platform does not report the JVM's CPU time"));
    }

    /** The nearest-rank percentile of microsecond times, in milliseconds. */
    private static double percentile(List<Number> micros, int percent) {
        List<Long> sorted = new ArrayList<>();
        micros.forEach(time -> sorted.add(time.longValue()));
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1000.0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
