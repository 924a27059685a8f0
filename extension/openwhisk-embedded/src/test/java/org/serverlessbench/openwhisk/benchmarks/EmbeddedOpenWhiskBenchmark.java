package org.serverlessbench.openwhisk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Request;
import org.serverlessbench.openwhisk.embedded.EmbeddedOpenWhisk;
import org.serverlessbench.openwhisk.embedded.runtime.ActionContainer;
import org.serverlessbench.openwhisk.embedded.runtime.ProcessContainerFactory;

/**
 * Measures the embedded OpenWhisk over real HTTP (issue 3, "Benchmark"): warm blocking invoke round trip against the
 * runtime's own {@code /run} floor, cold starts per runtime, throughput with concurrent clients, and heap after many
 * invocations. Run it as {@code docs/embedded-benchmark.md} says, where the figures and their meaning are. Sizes
 * can be changed with the {@code benchmark.*} system properties read below.
 */
public final class EmbeddedOpenWhiskBenchmark {
    private static final String NOOP_NODE = "function main(params) { return {}; }";
    private static final String NOOP_PYTHON = "def main(args):\n    return {}\n";

    private final int warmup = Integer.getInteger("benchmark.warmup", 5_000);
    private final int warmInvocations = Integer.getInteger("benchmark.warmInvocations", 10_000);
    private final int block = Math.max(1, Integer.getInteger("benchmark.block", 500));
    private final int coldRepetitions = Integer.getInteger("benchmark.coldRepetitions", 10);
    private final int clients = Integer.getInteger("benchmark.clients", 8);
    private final Duration throughputTime = Duration.ofSeconds(Long.getLong("benchmark.throughputSeconds", 10));
    private final long heapInvocations = Long.getLong("benchmark.heapInvocations", 100_000);
    /** Only the floor and the warm series (about a minute): for comparing changes on the warm path. */
    private final boolean warmOnly = Boolean.getBoolean("benchmark.warmOnly");

    private final AtomicLong invocations = new AtomicLong();
    private final List<String> report = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        new EmbeddedOpenWhiskBenchmark().run();
    }

    private void run() throws Exception {
        long baselineHeap = usedHeapAfterGc();
        line("JVM %s, %d processors, max heap %d MB", System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        try (EmbeddedOpenWhisk openWhisk = EmbeddedOpenWhisk.newBuilder().start();
             EmbeddedBenchmarkHttp http = new EmbeddedBenchmarkHttp(openWhisk.apiHost(), openWhisk.auth(),
                     openWhisk.namespace())) {
            line("embedded OpenWhisk at %s", openWhisk.apiHost());
            http.putAction("noop", action("nodejs:20", NOOP_NODE, null, 256));
            Request invoke = http.blockingInvoke("noop");

            if (!warmOnly) {
                loadHeapAndThroughput(http, invoke, baselineHeap);
            }
            floorAndWarm(openWhisk, http, invoke);
            if (!warmOnly) {
                colds(http);
            }
        }
        printReport();
    }

    /**
     * Load first: the JIT needs about 15 s of load before the concurrent paths run at full speed, and the latency
     * series should measure the server in that steady state, as a long benchmark sees it.
     */
    private void loadHeapAndThroughput(EmbeddedBenchmarkHttp http, Request invoke, long baselineHeap)
            throws Exception {
        long started = System.nanoTime();
        drive(http, invoke, heapInvocations);
        double seconds = (System.nanoTime() - started) / 1e9;
        line("%d invocations, %d clients: %.1f s (%.0f invocations/s)", heapInvocations, clients, seconds,
                heapInvocations / seconds);
        long heap = usedHeapAfterGc();
        line("heap after %d invocations (System.gc, MemoryMXBean used): %d MB; before the server started: %d MB;"
                + " target < 256 MB: %s", invocations.get(), heap >> 20, baselineHeap >> 20,
                verdict(heap < 256L << 20));

        double perSecond = throughput(http, invoke, throughputTime);
        line("throughput, %d clients, %d s: %.0f invocations/s (target >= 2000: %s)", clients,
                throughputTime.toSeconds(), perSecond, verdict(perSecond >= 2000));
    }

    private void colds(EmbeddedBenchmarkHttp http) throws InterruptedException {
        cold(http, "cold-node", action("nodejs:20", NOOP_NODE, null, 256), "nodejs:20, 256 MB (stem cell)", 200);
        cold(http, "cold-node-fresh", action("nodejs:20", NOOP_NODE, null, 128),
                "nodejs:20, 128 MB (new process, no stem cell)", 200);
        cold(http, "cold-python", action("python:3.11", NOOP_PYTHON, null, 256), "python:3.11, 256 MB", 200);
        String jar = javaJarOrNull();
        if (jar != null) {
            cold(http, "cold-java", action("java:8", jar, EmbeddedJavaActionJar.MAIN_CLASS, 256), "java:8, 256 MB",
                    600);
        }
    }

    private void printReport() {
        System.out.println();
        System.out.println("=== embedded OpenWhisk benchmark ===");
        report.forEach(System.out::println);
    }

    /**
     * The floor and the warm series. The floor is the no-op request the invoker sends (same body shape, same OkHttp
     * client and keep-alive connection, through {@link ActionContainer#run}) straight to a runtime process's
     * {@code /run}: what the server adds to. The warm invoke is sent with OkHttp and, to show the server's share
     * without a client library's, byte for byte on a raw socket. The three series are measured in turns of
     * {@code block} calls, so that a change in the machine's load (other processes) weighs on all of them alike
     * instead of on whichever ran at the time.
     */
    private void floorAndWarm(EmbeddedOpenWhisk openWhisk, EmbeddedBenchmarkHttp http,
            Request invoke) throws Exception {
        try (ProcessContainerFactory factory = new ProcessContainerFactory();
             FloorContainer floor = new FloorContainer(factory, openWhisk);
             EmbeddedRawInvoker raw = new EmbeddedRawInvoker(port(openWhisk), openWhisk.namespace(), openWhisk.auth(),
                     "noop")) {
            List<Runnable> calls = List.of(floor::run, () -> http.send(invoke), raw::invoke);
            for (int i = 0; i < warmup; i++) {
                calls.forEach(Runnable::run);
            }
            long[][] series = new long[calls.size()][warmInvocations];
            EmbeddedBenchmarkCosts[] costs = new EmbeddedBenchmarkCosts[calls.size()];
            for (int s = 0; s < calls.size(); s++) {
                costs[s] = new EmbeddedBenchmarkCosts();
            }
            for (int from = 0; from < warmInvocations; from += block) {
                int to = Math.min(warmInvocations, from + block);
                for (int s = 0; s < calls.size(); s++) {
                    Runnable call = calls.get(s);
                    costs[s].start();
                    for (int i = from; i < to; i++) {
                        long start = System.nanoTime();
                        call.run();
                        series[s][i] = System.nanoTime() - start;
                    }
                    costs[s].stop(to - from);
                }
            }
            invocations.addAndGet(2L * (warmup + warmInvocations));
            EmbeddedBenchmarkStats direct = EmbeddedBenchmarkStats.of(series[0]);
            EmbeddedBenchmarkStats warm = EmbeddedBenchmarkStats.of(series[1]);
            EmbeddedBenchmarkStats rawWarm = EmbeddedBenchmarkStats.of(series[2]);
            line("floor: /run straight to a nodejs:20 runtime process: %s", direct.summary());
            line("  %s", costs[0].summary());
            line("warm blocking invoke RTT (POST ?blocking=true, full record): %s", warm.summary());
            line("  target p50 <= 1 ms: %s; p50 / floor p50 = %.2f (target <= 2.5): %s; p50 overhead over the floor"
                    + " %.3f ms", verdict(warm.p50Ms() <= 1.0), warm.p50Ms() / direct.p50Ms(),
                    verdict(warm.p50Ms() <= 2.5 * direct.p50Ms()), warm.p50Ms() - direct.p50Ms());
            line("  %s", costs[1].summary());
            line("warm blocking invoke RTT on a raw socket (same request, same answer): %s; p50 overhead over the"
                    + " floor %.3f ms", rawWarm.summary(), rawWarm.p50Ms() - direct.p50Ms());
            line("  %s", costs[2].summary());
        }
    }

    private static int port(EmbeddedOpenWhisk openWhisk) {
        return java.net.URI.create(openWhisk.apiHost()).getPort();
    }

    /** A nodejs:20 runtime process with the no-op action, called on {@code /run} as the invoker calls it. */
    private static final class FloorContainer implements AutoCloseable {
        private final ActionContainer container;
        private final String run;

        FloorContainer(ProcessContainerFactory factory, EmbeddedOpenWhisk openWhisk) throws Exception {
            container = factory.create("nodejs:20", 256, Map.of("__OW_API_HOST", openWhisk.apiHost()));
            String init = "{\"value\":{\"name\":\"floor\",\"main\":\"main\",\"binary\":false,\"code\":"
                    + EmbeddedBenchmarkHttp.JSON.writeValueAsString(NOOP_NODE) + ",\"env\":{}}}";
            if (container.init(init, Duration.ofSeconds(60)).statusCode() != 200) {
                container.close();
                throw new IllegalStateException("the floor container did not initialise");
            }
            run = "{\"value\":{},\"namespace\":\"" + openWhisk.namespace() + "\",\"action_name\":\"/"
                    + openWhisk.namespace() + "/floor\",\"action_version\":\"0.0.1\",\"activation_id\":\""
                    + "0123456789abcdef0123456789abcdef\",\"transaction_id\":\"fedcba9876543210fedcba9876543210\","
                    + "\"deadline\":\"" + (System.currentTimeMillis() + 3_600_000) + "\",\"api_key\":"
                    + EmbeddedBenchmarkHttp.JSON.writeValueAsString(openWhisk.auth()) + "}";
        }

        void run() {
            try {
                container.run(run, Duration.ofSeconds(60));
                container.drainLogs(Duration.ofSeconds(1));
            } catch (Exception e) {
                throw new IllegalStateException("the floor /run failed", e);
            }
        }

        @Override
        public void close() {
            container.close();
        }
    }

    /** Updates the action before each invoke, so that every invoke is a cold start. */
    private void cold(EmbeddedBenchmarkHttp http, String name, ObjectNode action, String label, double targetMs)
            throws InterruptedException {
        long[] rtt = new long[coldRepetitions];
        long[] initTime = new long[coldRepetitions];
        long[] waitTime = new long[coldRepetitions];
        Request invoke = http.blockingInvoke(name);
        for (int i = 0; i < coldRepetitions; i++) {
            http.putAction(name, action);
            Thread.sleep(500);
            long start = System.nanoTime();
            JsonNode record = http.callAnyStatus(invoke);
            rtt[i] = System.nanoTime() - start;
            invocations.incrementAndGet();
            String status = record.path("response").path("status").asText();
            if (!"success".equals(status)) {
                line("cold %s: %s: %s", label, status, record.path("response").path("result"));
                return;
            }
            initTime[i] = annotation(record, "initTime") * 1_000_000;
            waitTime[i] = annotation(record, "waitTime") * 1_000_000;
        }
        EmbeddedBenchmarkStats client = EmbeddedBenchmarkStats.of(rtt);
        line("cold %s: client RTT %s", label, client.summary());
        line("  initTime %s; waitTime (incl. process start) %s", EmbeddedBenchmarkStats.of(initTime).summary(),
                EmbeddedBenchmarkStats.of(waitTime).summary());
        line("  target client RTT p50 <= %.0f ms: %s", targetMs, verdict(client.p50Ms() <= targetMs));
    }

    private double throughput(EmbeddedBenchmarkHttp http, Request invoke, Duration time) throws Exception {
        runClients(http, invoke, Duration.ofSeconds(5), Long.MAX_VALUE);
        long before = invocations.get();
        long start = System.nanoTime();
        runClients(http, invoke, time, Long.MAX_VALUE);
        return (invocations.get() - before) / ((System.nanoTime() - start) / 1e9);
    }

    /** Runs the clients until {@code total} invocations have been made since the start. */
    private void drive(EmbeddedBenchmarkHttp http, Request invoke, long total) throws Exception {
        runClients(http, invoke, Duration.ofHours(1), total);
    }

    /** {@code clients} threads invoking back to back until the time is up or {@code until} invocations happened. */
    private void runClients(EmbeddedBenchmarkHttp http, Request invoke, Duration time, long until) throws Exception {
        long deadline = System.nanoTime() + time.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(threads.submit(() -> {
                    while (System.nanoTime() < deadline && invocations.get() < until) {
                        http.send(invoke);
                        invocations.incrementAndGet();
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static ObjectNode action(String kind, String code, String main, int memoryMb) {
        ObjectNode body = EmbeddedBenchmarkHttp.JSON.createObjectNode();
        ObjectNode exec = body.putObject("exec").put("kind", kind).put("code", code);
        if (main != null) {
            exec.put("main", main);
        }
        body.putObject("limits").put("memory", memoryMb);
        return body;
    }

    private String javaJarOrNull() {
        try {
            return EmbeddedJavaActionJar.base64();
        } catch (RuntimeException e) {
            line("cold java:8: skipped, %s", e.getMessage());
            return null;
        }
    }

    private static long annotation(JsonNode record, String key) {
        for (JsonNode annotation : record.path("annotations")) {
            if (key.equals(annotation.path("key").asText())) {
                return annotation.path("value").asLong();
            }
        }
        return -1;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        report.add(text);
        System.out.println(text);
    }
}
