package org.serverlessbench.openwhisk.junit.internal;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.serverlessbench.openwhisk.client.Activation;
import org.serverlessbench.openwhisk.client.ActivationResponse;
import org.serverlessbench.openwhisk.client.KeyValue;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.junit.Trigger;
import org.serverlessbench.openwhisk.junit.TriggerType;
import org.serverlessbench.openwhisk.report.InvocationRow;
import org.serverlessbench.openwhisk.report.ResultsSink;
import org.serverlessbench.openwhisk.report.RunInfo;
import org.serverlessbench.openwhisk.report.Statistics;

/**
 * The extension's own cost per recorded invocation (issue 11): everything but the HTTP call. A documented command,
 * not a timed test; see {@code docs/experiments.md}, section "Load".
 *
 * <p>Inside a real Jupiter test (real Store, recorder and progress line), a {@link FunctionTrigger} is given a
 * {@link Calls.Call} that answers at once with a canned activation record, built as the library call builds its
 * invocation. Timed per invocation: {@code trigger.invoke} (the call, the recorder's bookkeeping and the progress
 * line); then per row: {@link Recorder#finish} (waiting for the record, building the row, appending it to the
 * results files) and closing the sink (completing results.json, writing report.html and the SeBS export). Also
 * printed: the heap still in use after {@code finish} (after a collection; the rows are not kept), and the cost of
 * appending the same rows one per call, each call flushed to the files as a test of one invocation does.
 */
public final class ExtensionCostBenchmark {

    static final int INVOCATIONS = Integer.getInteger("benchmark.invocations", 200_000);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 5);

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "started %s, load average %.2f%n", Instant.now(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .selectors(selectClass(CostTestCases.class))
                .execute();
        results.testEvents().failed().stream().forEach(event -> {
            System.out.println("FAILED: " + event.getPayload(TestExecutionResult.class)
                    .flatMap(TestExecutionResult::getThrowable).map(Throwable::toString).orElse("?"));
        });
    }

    /** Injects the test's own {@link ExtensionContext}, so that the recorder lives in its real Store. */
    static final class ContextResolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == ExtensionContext.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context;
        }
    }

    @ExtendWith(ContextResolver.class)
    static class CostTestCases {

        @Test
        void cost(ExtensionContext context) throws Exception {
            OpenWhiskClient client = OpenWhiskClient.newBuilder().apiHost("http://127.0.0.1:9")
                    .auth("23bc46b1-71f6-4ed5-8c54-816aa4f8c502:unused").namespace("guest")
                    .configurationParameters(key -> Optional.empty())
                    .environment(Map.of()).build();
            FunctionSpec spec = new FunctionSpec("noop", "class CostTestCases",
                    new CodePackage("nodejs:20", "function main() { return {}; }", false, null, "inline"), 256,
                    60_000, 1, Map.of(), Map.of(), false, null, "nodejs");
            DeployedAction action = new DeployedAction(client, TargetLimits.OPENWHISK_DEFAULTS, "owj-cost-noop", spec);
            Map<String, Object> parameters = Map.of("n", 1);
            for (int round = 1; round <= ROUNDS; round++) {
                Path directory = Files.createTempDirectory("extension-cost");
                ResultsSink sink = ResultsSink.open(directory, new RunInfo("embedded", "http://127.0.0.1:9",
                        Map.of()));
                Recorder recorder = Recorder.of(context);
                Trigger trigger = FunctionTrigger.create(action, new CannedCall(), recorder,
                        new TestPolicy(false, 0, context, null));
                long heapBefore = heapAfterCollection();
                long[] invokeNanos = new long[INVOCATIONS];
                for (int i = 0; i < INVOCATIONS; i++) {
                    long start = System.nanoTime();
                    trigger.invoke(parameters);
                    invokeNanos[i] = System.nanoTime() - start;
                }
                long[] finishCpu = cpuNanos();
                long finishStart = System.nanoTime();
                recorder.finish(sink, entries -> { });
                long finishNanos = System.nanoTime() - finishStart;
                long[] closeCpu = cpuNanos();
                double heapMb = (heapAfterCollection() - heapBefore) / 1e6;
                long closeStart = System.nanoTime();
                sink.close();
                long closeNanos = System.nanoTime() - closeStart;
                long[] endCpu = cpuNanos();
                Statistics invoke = Statistics.of(invokeNanos);
                double finishUs = finishNanos / 1000.0 / INVOCATIONS;
                double closeUs = closeNanos / 1000.0 / INVOCATIONS;
                System.out.printf(Locale.ROOT, "round %d, %d invocations: trigger.invoke p50 %.2f µs p99 %.2f µs;"
                        + " finish (rows to the sink) %.2f µs per row; results files %.2f µs per row; total p50"
                        + " %.2f µs per recorded invocation (target <= 50 µs: %s); load average %.2f%n", round,
                        INVOCATIONS, invoke.p50() / 1000.0, invoke.p99() / 1000.0, finishUs, closeUs,
                        invoke.p50() / 1000.0 + finishUs + closeUs,
                        invoke.p50() / 1000.0 + finishUs + closeUs <= 50 ? "met" : "NOT met",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                System.out.printf(Locale.ROOT, "round %d: CPU time per row (this thread / the whole JVM, collector"
                        + " and compiler included): finish %.2f / %.2f µs, results files %.2f / %.2f µs%n", round,
                        (closeCpu[0] - finishCpu[0]) / 1000.0 / INVOCATIONS,
                        (closeCpu[1] - finishCpu[1]) / 1000.0 / INVOCATIONS,
                        (endCpu[0] - closeCpu[0]) / 1000.0 / INVOCATIONS,
                        (endCpu[1] - closeCpu[1]) / 1000.0 / INVOCATIONS);
                System.out.printf(Locale.ROOT, "round %d: heap in use after finish %.1f MB more than before the"
                        + " invocations; %s%n", round, heapMb, appendOnePerCall(directory, action));
                deleteRecursively(directory);
            }
            client.close();
        }
    }

    /**
     * CPU time of this thread and of the whole JVM: on a machine shared with other builds, wall-clock time mostly
     * measures the wait for a CPU.
     */
    private static long[] cpuNanos() {
        return new long[] {ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()};
    }

    private static long heapAfterCollection() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Appends {@link #INVOCATIONS} rows to a new sink one per call, each call flushed, and closes it. */
    private static String appendOnePerCall(Path parent, DeployedAction action) throws Exception {
        Path directory = Files.createDirectories(parent.resolve("one-per-call"));
        ResultsSink sink = ResultsSink.open(directory, new RunInfo("embedded", "http://127.0.0.1:9", Map.of()));
        long[] appendNanos = new long[INVOCATIONS];
        Instant begin = Instant.now();
        for (int i = 0; i < INVOCATIONS; i++) {
            InvocationRow row = new InvocationRow("CostTestCases#cost", action.name(), action.actionName(),
                    "library", Integer.toHexString(i), false, false, "success", true, 5, 1000L, null, 1000L, null,
                    256, begin.plusNanos(i * 1000L));
            long start = System.nanoTime();
            sink.append(row);
            appendNanos[i] = System.nanoTime() - start;
        }
        long closeStart = System.nanoTime();
        sink.close();
        long closeNanos = System.nanoTime() - closeStart;
        Statistics append = Statistics.of(appendNanos);
        return String.format(Locale.ROOT, "one row per append (flushed each): append p50 %.2f µs p99 %.2f µs,"
                + " mean %.2f µs; close %.2f µs per row; load average %.2f", append.p50() / 1000.0,
                append.p99() / 1000.0, append.mean() / 1000.0, closeNanos / 1000.0 / INVOCATIONS,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Answers at once with a successful warm record, building the invocation as {@link Calls#library} does. */
    private static final class CannedCall implements Calls.Call {
        private long sequence;

        @Override
        public DefaultInvocation call(DeployedAction action, Map<String, ?> parameters) {
            Instant begin = Instant.now();
            long start = System.nanoTime();
            String id = Long.toHexString(++sequence);
            long now = System.currentTimeMillis();
            Activation record = new Activation(id, "guest", action.actionName(), "0.0.1", "guest", now, now + 1, 1,
                    new ActivationResponse("success", true, Map.of()), List.of(),
                    List.of(new KeyValue("waitTime", 1), new KeyValue("limits", Map.of("memory", 256))));
            long clientTimeUs = (System.nanoTime() - start) / 1000;
            return new DefaultInvocation(new ClientCall(action.name(), action.actionName(), TriggerType.LIBRARY,
                    begin, clientTimeUs, id, null, 200, null, action.spec().benchmark(), action.spec().language()),
                    CompletableFuture.completedFuture(record), Duration.ofSeconds(60), activationId -> List.of());
        }

        @Override
        public TriggerType type() {
            return TriggerType.LIBRARY;
        }
    }

    private static void deleteRecursively(Path directory) throws java.io.IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
