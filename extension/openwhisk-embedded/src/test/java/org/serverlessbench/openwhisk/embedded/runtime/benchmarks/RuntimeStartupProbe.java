package org.serverlessbench.openwhisk.embedded.runtime.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.serverlessbench.openwhisk.embedded.runtime.ActionContainer;
import org.serverlessbench.openwhisk.embedded.runtime.ProcessContainerFactory;
import org.serverlessbench.openwhisk.embedded.runtime.RuntimeResponse;

/**
 * Measures, straight on the runtime processes (no controller, no invoker): the cold start of a no-op action per kind
 * (create + /init + first /run) and the sequential warm /run round trip. Run it as described in docs/runtimes.md.
 * Arguments: [cold repetitions, default 10] [warm runs, default 5000].
 */
public final class RuntimeStartupProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String RUN = "{\"value\":{},\"namespace\":\"guest\",\"action_name\":\"/guest/noop\","
            + "\"action_version\":\"0.0.1\",\"activation_id\":\"0123456789abcdef0123456789abcdef\","
            + "\"transaction_id\":\"probe\",\"deadline\":\"1900000000000\"}";

    private RuntimeStartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        int coldRepetitions = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmRuns = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        Map<String, String> noops = Map.of(
                "nodejs:20", init("function main() { return {}; }", "main", false),
                "python:3.11", init("def main(args):\\n    return {}\\n", "main", false),
                "java:8", init(noopJar(), "probe.Noop", true));
        try (ProcessContainerFactory factory = new ProcessContainerFactory()) {
            for (String kind : List.of("nodejs:20", "python:3.11", "java:8")) {
                if (factory.unavailableReason(kind).isPresent()) {
                    System.out.println(kind + ": skipped, " + factory.unavailableReason(kind).get());
                    continue;
                }
                cold(factory, kind, noops.get(kind), coldRepetitions);
                warm(factory, kind, noops.get(kind), warmRuns);
            }
        }
    }

    private static void cold(ProcessContainerFactory factory, String kind, String init, int repetitions)
            throws Exception {
        List<Long> create = new ArrayList<>();
        List<Long> initTimes = new ArrayList<>();
        List<Long> total = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            long started = System.nanoTime();
            try (ActionContainer container = factory.create(kind, 256, Map.of())) {
                long created = System.nanoTime();
                expectOk(container.init(init, TIMEOUT));
                long initialized = System.nanoTime();
                expectOk(container.run(RUN, TIMEOUT));
                long ran = System.nanoTime();
                create.add(created - started);
                initTimes.add(initialized - created);
                total.add(ran - started);
            }
        }
        System.out.printf("%-12s cold (create+init+run, %d x): p50 %6.1f ms  min %6.1f  max %6.1f"
                        + "   [create p50 %.1f ms, init p50 %.1f ms]%n", kind, repetitions,
                ms(percentile(total, 50)), ms(Collections.min(total)), ms(Collections.max(total)),
                ms(percentile(create, 50)), ms(percentile(initTimes, 50)));
    }

    private static void warm(ProcessContainerFactory factory, String kind, String init, int runs) throws Exception {
        try (ActionContainer container = factory.create(kind, 256, Map.of())) {
            expectOk(container.init(init, TIMEOUT));
            for (int i = 0; i < Math.min(runs, 1000); i++) {
                expectOk(container.run(RUN, TIMEOUT));
                container.drainLogs(TIMEOUT);
            }
            List<Long> rtt = new ArrayList<>(runs);
            for (int i = 0; i < runs; i++) {
                long started = System.nanoTime();
                expectOk(container.run(RUN, TIMEOUT));
                rtt.add(System.nanoTime() - started);
                container.drainLogs(TIMEOUT);
            }
            System.out.printf("%-12s warm /run RTT (%d x): p50 %6.0f us  p99 %6.0f us%n", kind, runs,
                    us(percentile(rtt, 50)), us(percentile(rtt, 99)));
        }
    }

    private static void expectOk(RuntimeResponse response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Runtime answered " + response);
        }
    }

    private static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double us(long nanos) {
        return nanos / 1e3;
    }

    private static String init(String code, String main, boolean binary) {
        String escaped = binary ? code : code.replace("\"", "\\\"");
        return "{\"value\":{\"name\":\"noop\",\"main\":\"" + main + "\",\"binary\":" + binary + ",\"code\":\""
                + escaped + "\",\"env\":{}}}";
    }

    /** A jar with {@code probe.Noop}, compiled in memory by the JDK compiler. */
    private static String noopJar() throws IOException, URISyntaxException {
        Path dir = java.nio.file.Files.createTempDirectory("probe-");
        Path source = dir.resolve("probe/Noop.java");
        java.nio.file.Files.createDirectories(source.getParent());
        java.nio.file.Files.writeString(source, "package probe; public class Noop { public static"
                + " com.google.gson.JsonObject main(com.google.gson.JsonObject a) { return new"
                + " com.google.gson.JsonObject(); } }");
        String gson = Path.of(com.google.gson.JsonObject.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
        int status = javax.tools.ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-cp", gson, "-d", dir.toString(), source.toString());
        if (status != 0) {
            throw new IllegalStateException("Cannot compile the no-op Java action");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            jar.putNextEntry(new JarEntry("probe/Noop.class"));
            jar.write(java.nio.file.Files.readAllBytes(dir.resolve("probe/Noop.class")));
            jar.closeEntry();
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(file);
            }
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
