package org.serverlessbench.openwhisk.storage.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.serverlessbench.openwhisk.storage.internal.BenchmarkAccess;

/**
 * Measures a put followed by a get of one 10 MB object on the embedded object storage (s3proxy on 127.0.0.1), as a
 * function does: from a separate Python process with boto3 (Debian's {@code /usr/bin/python3} by default), and from
 * the AWS SDK for Java v2 in this JVM. Prints p50 and p95 per client, and the CPU time s3proxy spends per put+get.
 * Run it with {@code mvn -q -B -pl extension/openwhisk-storage -am test-compile
 * org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.serverlessbench.openwhisk.storage.benchmarks.ObjectStorageRoundTripBenchmark}; figures in
 * {@code docs/suite.md}.
 */
public final class ObjectStorageRoundTripBenchmark {

    private static final int SIZE = Integer.getInteger("benchmark.bytes", 10 * 1024 * 1024);
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 5);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 50);
    private static final String PYTHON = System.getProperty("benchmark.python", "/usr/bin/python3");

    private ObjectStorageRoundTripBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (BenchmarkAccess storage = BenchmarkAccess.start("owj-benchmark")) {
            ServerCpu serverCpu = ServerCpu.start();
            List<long[]> python = python(storage);
            String pythonServer = serverCpu.perRound(WARMUP + ROUNDS);
            List<long[]> java = storage.javaRounds(SIZE, WARMUP + ROUNDS);
            System.out.println("=== embedded object storage: put+get of " + SIZE + " bytes, " + ROUNDS
                    + " rounds after " + WARMUP + " warm-up rounds ===");
            report("python boto3 (separate process)", python.subList(WARMUP, python.size()));
            System.out.println("  s3proxy's CPU time per put+get, warm-up included: " + pythonServer);
            report("java AWS SDK v2 (url-connection)", java.subList(WARMUP, java.size()));
            System.out.println("load average " + Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    private static List<long[]> python(BenchmarkAccess storage) throws IOException, InterruptedException {
        Path script = Files.createTempFile("put_get", ".py");
        try (InputStream in = ObjectStorageRoundTripBenchmark.class.getResourceAsStream("/benchmarks/put_get.py")) {
            Files.write(script, in.readAllBytes());
        }
        ProcessBuilder builder = new ProcessBuilder(PYTHON, script.toString(), Integer.toString(SIZE),
                Integer.toString(WARMUP + ROUNDS)).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.putAll(storage.sebsEnvironment());
        Process process = builder.start();
        List<long[]> rounds = new ArrayList<>();
        StringBuilder other = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.strip().split(" ");
                if (parts.length == 2 && parts[0].matches("\\d+") && parts[1].matches("\\d+")) {
                    rounds.add(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])});
                } else {
                    other.append(line).append('\n');
                }
            }
        }
        int exit = process.waitFor();
        Files.deleteIfExists(script);
        if (exit != 0 || rounds.size() != WARMUP + ROUNDS) {
            throw new IllegalStateException(PYTHON + " put_get.py exited with " + exit + " after " + rounds.size()
                    + " rounds: " + other + " (needs boto3: apt-get install python3-boto3)");
        }
        return rounds;
    }

    private static void report(String client, List<long[]> rounds) {
        List<Long> put = new ArrayList<>();
        List<Long> get = new ArrayList<>();
        List<Long> both = new ArrayList<>();
        for (long[] round : rounds) {
            put.add(round[0]);
            get.add(round[1]);
            both.add(round[0] + round[1]);
        }
        System.out.printf(Locale.ROOT, "%-34s n=%d  put+get p50 %.1f ms p95 %.1f ms | put p50 %.1f ms | get p50 %.1f"
                + " ms%n", client, rounds.size(), percentile(both, 50), percentile(both, 95), percentile(put, 50),
                percentile(get, 50));
    }

    /**
     * The CPU time of this JVM, where s3proxy serves, split into s3proxy's request threads (Jetty's pool) and the
     * rest (garbage collection, JIT compilation; nothing else runs here while the Python client works).
     */
    private record ServerCpu(long process, Map<Long, Long> threads) {

        static ServerCpu start() {
            return new ServerCpu(processCpu(), threadCpu());
        }

        String perRound(int rounds) {
            long total = processCpu() - process;
            long jetty = 0;
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
                if (info != null && info.getThreadName().contains("Jetty")) {
                    jetty += bean.getThreadCpuTime(info.getThreadId()) - threads.getOrDefault(info.getThreadId(), 0L);
                }
            }
            return String.format(Locale.ROOT, "%.1f ms, of which %.1f ms in its Jetty threads and %.1f ms in the rest"
                    + " of the JVM (GC, JIT)", total / 1e6 / rounds, jetty / 1e6 / rounds,
                    (total - jetty) / 1e6 / rounds);
        }

        private static long processCpu() {
            return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
        }

        private static Map<Long, Long> threadCpu() {
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            Map<Long, Long> cpu = new HashMap<>();
            for (long id : bean.getAllThreadIds()) {
                cpu.put(id, bean.getThreadCpuTime(id));
            }
            return cpu;
        }
    }

    /** The nearest-rank percentile, in milliseconds. */
    private static double percentile(List<Long> micros, int percent) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1000.0;
    }
}
