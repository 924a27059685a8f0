package org.serverlessbench.openwhisk.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.serverlessbench.openwhisk.client.ActionLimits;
import org.serverlessbench.openwhisk.client.ActionPut;
import org.serverlessbench.openwhisk.client.Activation;
import org.serverlessbench.openwhisk.client.Exec;
import org.serverlessbench.openwhisk.client.InvokeOptions;
import org.serverlessbench.openwhisk.client.InvokeResult;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.embedded.EmbeddedOpenWhisk;
import org.serverlessbench.openwhisk.junit.ConfigurationKeys;
import org.serverlessbench.openwhisk.junit.LibraryTrigger;
import org.serverlessbench.openwhisk.junit.Load;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;
import org.serverlessbench.openwhisk.junit.ReportKeys;
import org.serverlessbench.openwhisk.junit.internal.load.ArrivalSchedule;
import org.serverlessbench.openwhisk.junit.internal.load.OpenLoop;
import org.serverlessbench.openwhisk.report.Statistics;

/**
 * The open-loop load generator on the embedded OpenWhisk (issue 11): a documented command, not a timed test; see
 * {@code docs/experiments.md}, section "Load".
 *
 * <ol>
 * <li>The wake-up floor: how late a thread parked for 2 ms wakes up, 5000 times.</li>
 * <li>The scheduler alone, with a task that does nothing, at 500/s for 20 s: its own lag.</li>
 * <li>How to keep calls in flight, measured with the scheduler alone on a no-op Node.js action at
 *     {@code benchmark.rate} arrivals per second for {@code benchmark.modeSeconds} (its {@code limits.concurrency}
 *     {@code benchmark.concurrency}, default 1): blocking invokes on the callers,
 *     or non-blocking invokes (202 and an activation id) and the record polled afterwards. For each: achieved rate,
 *     scheduling lag, latency from the scheduled start to the record, the most calls in flight and the CPU time of
 *     the JVM (client and server share it).</li>
 * <li>The target: a {@code @Load(rate = 500, arrivals = FIXED, duration = "20s")} test through the whole extension
 *     (triggers, recorder, results), after a 5 s warm-up test: achieved rate within 1 % of 500/s and scheduling lag
 *     p99 at most 2 ms.</li>
 * </ol>
 */
public final class LoadBenchmark {

    private static final String NOOP_NODE = "function main(params) { return {}; }";
    private static final int RATE = Integer.getInteger("benchmark.rate", 500);
    private static final int MODE_SECONDS = Integer.getInteger("benchmark.modeSeconds", 10);
    /** {@code limits.concurrency} of the no-op action of the comparison: activations per Node.js container. */
    private static final int CONCURRENCY = Integer.getInteger("benchmark.concurrency", 1);
    /** {@code false} skips the comparison of blocking calls and polling, for runs of the target alone. */
    private static final boolean COMPARISON = Boolean.parseBoolean(System.getProperty("benchmark.comparison", "true"));
    /** The niceness of the embedded OpenWhisk's runtime processes, see {@code docs/experiments.md}. */
    private static final int RUNTIME_NICENESS = Integer.getInteger("benchmark.runtimeNiceness", 10);
    private static final long GRACE_NANOS = Duration.ofMillis(Load.START_GRACE_MS).toNanos();
    private static final String PHASE_ENTRY = "benchmark.phase";

    private final List<String> report = new ArrayList<>();

    public static void main(String[] args) throws Throwable {
        new LoadBenchmark().run();
    }

    private void run() throws Throwable {
        line("started %s, %d cores, load average %.2f", Instant.now(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        wakeUpFloor();
        schedulerAlone();
        line("runtime niceness %d", RUNTIME_NICENESS);
        try (EmbeddedOpenWhisk openWhisk = EmbeddedOpenWhisk.newBuilder().runtimeNiceness(RUNTIME_NICENESS).start();
             OpenWhiskClient client = OpenWhiskClient.newBuilder()
                     .apiHost(openWhisk.apiHost())
                     .auth(openWhisk.auth())
                     .namespace(openWhisk.namespace())
                     .configurationParameters(key -> Optional.empty())
                     .environment(Map.of())
                     .build()) {
            client.createAction("noop", ActionPut.newBuilder().exec(Exec.code("nodejs:20", NOOP_NODE))
                    .limits(new ActionLimits(60_000, 256, null, CONCURRENCY)).build());
            line("no-op action: limits.concurrency %d", CONCURRENCY);
            if (COMPARISON) {
                // warm-up of both paths (JIT, containers), not reported
                mode(client, "blocking", true, 5, false);
                mode(client, "non-blocking", false, 5, false);
                mode(client, "blocking", true, MODE_SECONDS, true);
                mode(client, "non-blocking", false, MODE_SECONDS, true);
                mode(client, "blocking", true, MODE_SECONDS, true);
                mode(client, "non-blocking", false, MODE_SECONDS, true);
            }
            extension(openWhisk);
        }
        line("finished %s, load average %.2f", Instant.now(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println();
        System.out.println("=== open-loop load benchmark ===");
        report.forEach(System.out::println);
    }

    /**
     * How late one thread wakes from a 2 ms park, 5000 times: the floor under the scheduler's lag that no way of
     * waiting by parking gets below, set by the timer and by how soon the OS gives the woken thread a CPU.
     */
    private void wakeUpFloor() {
        int parks = 5000;
        long[] lateUs = new long[parks];
        for (int i = 0; i < parks; i++) {
            long deadline = System.nanoTime() + Duration.ofMillis(2).toNanos();
            LockSupport.parkNanos(deadline - System.nanoTime());
            lateUs[i] = Math.max(0, System.nanoTime() - deadline) / 1000;
        }
        Statistics late = Statistics.of(lateUs);
        line("wake-up from a 2 ms park (%d times): late by p50 %d µs p99 %d µs max %d µs, load average %.2f", parks,
                late.p50(), late.p99(), late.max(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The scheduler with a task that does nothing, at 500/s for 20 s: its own lag, without any platform. */
    private void schedulerAlone() throws Throwable {
        ArrivalSchedule schedule = ArrivalSchedule.fixed(500, Duration.ofSeconds(20));
        OpenLoop.Outcome outcome = OpenLoop.run(schedule, 256, GRACE_NANOS, (index, scheduled) -> { });
        Statistics lag = Statistics.of(outcome.startedLagsUs());
        line("scheduler alone (no-op task) 500/s for 20 s: achieved %.2f/s, dropped %d, lag p50 %d µs p99 %d µs"
                + " max %d µs, load average %.2f", outcome.achievedRate(), outcome.dropped(), lag.p50(), lag.p99(),
                lag.max(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** One open-loop series straight on the client, at {@link #RATE}/s with fixed gaps. */
    private void mode(OpenWhiskClient client, String name, boolean blocking, int seconds, boolean measured)
            throws Throwable {
        ArrivalSchedule schedule = ArrivalSchedule.fixed(RATE, Duration.ofSeconds(seconds));
        long[] latencies = new long[schedule.size()];
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure =
                new java.util.concurrent.atomic.AtomicReference<>();
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        long cpuBefore = os.getProcessCpuTime();
        OpenLoop.Outcome outcome = OpenLoop.run(schedule, 256, GRACE_NANOS, (index, scheduled) -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                InvokeResult answer = client.invoke("noop", Map.of(), blocking ? InvokeOptions.blocking()
                        : InvokeOptions.nonBlocking());
                Activation record = answer.activation() != null ? answer.activation()
                        : client.awaitActivation(answer.activationId(), Duration.ofSeconds(60));
                if (!record.success()) {
                    throw new IllegalStateException("activation " + record.activationId() + " failed");
                }
                latencies[index] = System.nanoTime() - scheduled;
            } catch (RuntimeException e) {
                // counted and reported: one failed call must not end the series
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, e.toString());
            } finally {
                inFlight.decrementAndGet();
            }
        });
        double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        if (!measured) {
            return;
        }
        Statistics lag = Statistics.of(outcome.startedLagsUs());
        Statistics latency = Statistics.of(Arrays.stream(latencies).filter(value -> value > 0)
                .map(value -> value / 1000).toArray());
        line("%-12s %d/s for %d s: achieved %.2f/s, dropped %d, failed %d, lag p50 %d µs p99 %d µs max %d µs,"
                + " latency from schedule to record p50 %.2f ms p99 %.2f ms, most in flight %d, JVM CPU %.1f s"
                + " (%.2f ms per invocation), load average %.2f", name, RATE, seconds, outcome.achievedRate(),
                outcome.dropped(), failures.get(), lag.p50(), lag.p99(), lag.max(), latency.p50() / 1000.0,
                latency.p99() / 1000.0, mostInFlight.get(), cpuSeconds,
                cpuSeconds * 1000 / Math.max(1, outcome.started()), os.getSystemLoadAverage());
        if (firstFailure.get() != null) {
            line("  first failure: %s", firstFailure.get());
        }
    }

    /** The {@code @Load} test below through the whole extension, on this embedded OpenWhisk as a remote target. */
    private void extension(EmbeddedOpenWhisk openWhisk) throws Exception {
        Path results = Files.createTempDirectory("load-benchmark-results");
        EngineExecutionResults run = EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(Map.of(ConfigurationKeys.TARGET, "remote",
                        ConfigurationKeys.API_HOST, openWhisk.apiHost(),
                        ConfigurationKeys.AUTH, openWhisk.auth(),
                        ConfigurationKeys.NAMESPACE, openWhisk.namespace(),
                        ConfigurationKeys.RESULTS_DIR, results.toString()))
                .selectors(selectClass(ExtensionLoadTestCases.class))
                .execute();
        run.testEvents().failed().stream().forEach(event -> line("FAILED %s: %s",
                event.getTestDescriptor().getDisplayName(), event.getPayload(
                        org.junit.platform.engine.TestExecutionResult.class).flatMap(
                                org.junit.platform.engine.TestExecutionResult::getThrowable).orElse(null)));
        run.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get(PHASE_ENTRY))
                .filter(java.util.Objects::nonNull).forEach(phase -> line("%s", phase));
        List<Map<String, String>> entries = run.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .filter(pairs -> pairs.containsKey(ReportKeys.LOAD_ACHIEVED_RATE)).toList();
        if (entries.size() < 2) {
            line("the extension run published no load entries for the measured test");
            return;
        }
        Map<String, String> measured = entries.get(1);
        double achieved = Double.parseDouble(measured.get(ReportKeys.LOAD_ACHIEVED_RATE));
        long lagP99 = Long.parseLong(measured.get(ReportKeys.LOAD_LAG_US + ReportKeys.P99));
        line("@Load(rate = 500, FIXED, 20 s) through the extension: scheduled %s, started %s, dropped %s, achieved"
                + " %.2f/s (%.2f %% off; target within 1 %%: %s), lag p50 %s µs p99 %d µs max %s µs (target p99 <="
                + " 2000 µs: %s), load average %.2f", measured.get(ReportKeys.LOAD_SCHEDULED),
                measured.get(ReportKeys.LOAD_STARTED), measured.get(ReportKeys.LOAD_DROPPED), achieved,
                Math.abs(achieved - 500) / 5, Math.abs(achieved - 500) <= 5 ? "met" : "NOT met",
                measured.get(ReportKeys.LOAD_LAG_US + ReportKeys.P50), lagP99,
                measured.get(ReportKeys.LOAD_LAG_US + ReportKeys.MAX), lagP99 <= 2000 ? "met" : "NOT met",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.add(text);
    }

    /**
     * A warm-up at the target rate, then the measured run; run by {@link #extension}, not by Surefire. Each publishes
     * what it cost ({@link PhaseMeter}) as the report entry {@value #PHASE_ENTRY}.
     */
    @OpenWhiskTest
    @OpenWhiskFunction(name = "noop", code = "src/test/functions/echo-node")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ExtensionLoadTestCases {

        private final AtomicInteger runs = new AtomicInteger();
        private PhaseMeter meter;

        @BeforeEach
        void meter() {
            meter = new PhaseMeter();
        }

        @AfterEach
        void publishCost(TestInfo test, TestReporter reporter) {
            meter.close();
            reporter.publishEntry(PHASE_ENTRY, test.getDisplayName() + ", " + runs.get() + " invocations:\n"
                    + String.join("\n", meter.report(runs.get())));
        }

        @Test
        @Order(1)
        @Load(rate = 500, arrivals = Load.Arrivals.FIXED, duration = "5s")
        void warmUp(LibraryTrigger trigger) {
            runs.incrementAndGet();
            trigger.invoke().assertSuccess();
        }

        @Test
        @Order(2)
        @Load(rate = 500, arrivals = Load.Arrivals.FIXED, duration = "20s")
        void measured(LibraryTrigger trigger) {
            runs.incrementAndGet();
            trigger.invoke().assertSuccess();
        }
    }
}
