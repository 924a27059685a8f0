package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code @Concurrency} runs the body on n callers at once, {@code @Load} at its scheduled moments with latencies
 * measured from them, also while the platform stalls; mistakes in either fail the class up front.
 */
class LoadTests {

    @RegisterExtension
    static final SharedOpenWhisk shared = new SharedOpenWhisk();

    /** Names the stall file the stall function's activations share; new for every run of this class. */
    private static final long STALL_KEY = new java.security.SecureRandom().nextLong() & Long.MAX_VALUE;

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class ClosedLoopTestCases {

        @Test
        @Concurrency(value = 4, invocations = 24)
        void counted(LibraryTrigger trigger) {
            trigger.invoke(Map.of("sleepMs", 50)).assertSuccess();
        }

        @Test
        @Concurrency(value = 2, duration = "1s")
        void timed(LibraryTrigger trigger) {
            trigger.invoke(Map.of("n", 1)).assertSuccess();
        }
    }

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class OpenLoopTestCases {

        @Test
        @Load(rate = 20, arrivals = Load.Arrivals.FIXED, duration = "1s")
        void fixed(LibraryTrigger trigger) {
            trigger.invoke(Map.of("n", 1)).assertSuccess();
        }

        @Test
        @Load(trace = "src/test/resources/load/trace.csv")
        void traced(HttpTrigger trigger) {
            trigger.invoke(Map.of("n", 2)).assertSuccess();
        }
    }

    /**
     * The action stalls for 1 s in the middle of a 12 s open-loop run at 5 arrivals per second: from the first
     * activation that starts 2 s or more after the warm-up. The run is long so that the stall still falls into it
     * when a loaded machine delays activations by seconds.
     */
    @OpenWhiskTest
    @OpenWhiskFunction(name = "stall", code = "src/test/functions/stall-node")
    static class StallTestCases {

        private long stallFromMs;

        @BeforeEach
        void warmUpAndPlaceTheStall(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
            stallFromMs = System.currentTimeMillis() + 2000;
        }

        @Test
        @Load(rate = 5, arrivals = Load.Arrivals.FIXED, duration = "12s")
        void openLoop(LibraryTrigger trigger) {
            trigger.invoke(Map.of("stallKey", STALL_KEY, "stallFromMs", stallFromMs, "stallMs", 1000))
                    .assertSuccess();
        }
    }

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class InvalidLoadTestCases {

        @Test
        @Load(rate = 0, duration = "1 fortnight", maxInFlight = 0)
        void badLoad() {
        }

        @Test
        @Load(rate = 10, trace = "src/test/resources/load/decreasing.csv")
        void traceAndRate() {
        }

        @Test
        @Load(trace = "src/test/resources/load/decreasing.csv")
        void decreasingTrace() {
        }

        @Test
        @Concurrency(value = 0, invocations = 5, duration = "1s")
        void badConcurrency() {
        }

        @Test
        @Load(rate = 5, duration = "1s")
        @Concurrency(value = 2, invocations = 4)
        @Warmup(1)
        void both() {
        }
    }

    @Test
    void concurrencyRunsTheBodyOnItsCallersAtOnce() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(ClosedLoopTestCases.class, shared.remoteTarget("owj-cl-"))
                .assertAllSucceeded();

        List<JsonNode> counted = Rows.ofTest(run, ClosedLoopTestCases.class, "counted");
        assertThat(counted).hasSize(24).allSatisfy(row -> {
            assertThat(row.get("concurrency").asInt()).isEqualTo(4);
            assertThat(row.get("scheduledAt").isNull()).isTrue();
            assertThat(row.get("latencyUs").isNull()).isTrue();
        });
        // each call sleeps 50 ms in the function: the four callers' calls overlap, and never more than four
        assertThat(maxOverlap(counted)).isBetween(2, 4);
        List<JsonNode> timed = Rows.ofTest(run, ClosedLoopTestCases.class, "timed");
        assertThat(timed).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(row -> assertThat(row.get("concurrency").asInt()).isEqualTo(2));
        assertThat(maxOverlap(timed)).isLessThanOrEqualTo(2);
    }

    @Test
    void loadStartsRunsAtTheirScheduledMomentsAndMeasuresLatencyFromThem() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(OpenLoopTestCases.class, shared.remoteTarget("owj-ol-"))
                .assertAllSucceeded();

        List<JsonNode> fixed = sortedByScheduledAt(Rows.ofTest(run, OpenLoopTestCases.class, "fixed"));
        assertThat(fixed).hasSize(20).allSatisfy(row -> {
            assertThat(row.get("latencyUs").isNumber()).as("latencyUs of %s", row).isTrue();
            // the latency runs from the scheduled start, so it holds the client time
            assertThat(row.get("latencyUs").asLong()).isGreaterThanOrEqualTo(row.get("clientTimeUs").asLong() - 1);
            assertThat(row.get("concurrency").isNull()).isTrue();
        });
        for (int i = 1; i < fixed.size(); i++) {
            assertThat(Duration.between(scheduledAt(fixed.get(i - 1)), scheduledAt(fixed.get(i))))
                    .isBetween(Duration.ofNanos(50_000_000 - 1), Duration.ofNanos(50_000_000 + 1));
        }
        List<JsonNode> traced = sortedByScheduledAt(Rows.ofTest(run, OpenLoopTestCases.class, "traced"));
        assertThat(traced).hasSize(5);
        Instant first = scheduledAt(traced.get(0));
        assertThat(traced.stream().map(row -> Duration.between(first, scheduledAt(row)).toNanos() / 100_000))
                .containsExactly(0L, 100L, 100L, 2505L, 4000L);
        assertThat(run.reportEntries()).anySatisfy(entries -> {
            assertThat(entries).containsEntry(ReportKeys.LOAD_SCHEDULED, "20")
                    .containsEntry(ReportKeys.LOAD_STARTED, "20")
                    .containsEntry(ReportKeys.LOAD_DROPPED, "0")
                    .containsEntry(ReportKeys.LOAD_SCHEDULED_RATE, "20.00")
                    .containsKeys(ReportKeys.LOAD_ACHIEVED_RATE, ReportKeys.LOAD_LAG_US + ReportKeys.P99);
        });
    }

    /**
     * Coordinated omission: the requests scheduled while the action stalls are sent on time and their latencies,
     * measured from their scheduled start, include the rest of the stall.
     */
    @Test
    void requestsScheduledDuringAStallReportLatenciesThatIncludeTheirWait() throws IOException {
        OpenWhiskTestKit.Run run;
        try {
            run = OpenWhiskTestKit.run(StallTestCases.class, shared.remoteTarget("owj-co-")).assertAllSucceeded();
        } finally {
            // where the function keeps the stall (node's os.tmpdir() is /tmp unless TMPDIR says otherwise)
            Files.deleteIfExists(Path.of(System.getenv().getOrDefault("TMPDIR", "/tmp"), "owj-stall-" + STALL_KEY));
        }

        List<JsonNode> scheduled = Rows.ofTest(run, StallTestCases.class, "openLoop").stream()
                .filter(row -> !row.get("scheduledAt").isNull()).toList();
        assertThat(scheduled).hasSize(60);
        JsonNode stalled = scheduled.stream().filter(row -> row.get("measurement").get("stalledMs").asLong() > 0)
                .findFirst().orElseThrow(() -> new AssertionError("no activation was held by the stall"));
        long stallStartMs = stalled.get("measurement").get("stallStartMs").asLong();
        long stallUntilMs = stalled.get("measurement").get("stallUntilMs").asLong();
        assertThat(stallUntilMs - stallStartMs).isEqualTo(1000);
        List<JsonNode> duringStall = scheduled.stream().filter(row -> {
            long at = scheduledAt(row).toEpochMilli();
            return at >= stallStartMs && at < stallUntilMs;
        }).toList();
        // 5 arrivals per second fall into the 1 s stall unless it began after the run's last arrival
        assertThat(duringStall).isNotEmpty();
        assertThat(duringStall).allSatisfy(row -> {
            long remainingUs = (stallUntilMs - scheduledAt(row).toEpochMilli()) * 1000;
            // 2 ms for the millisecond clocks of the function and of the wall-clock instants
            assertThat(row.get("latencyUs").asLong()).as("latencyUs of %s", row)
                    .isGreaterThanOrEqualTo(remainingUs - 2000);
        });
        // and they were sent while the stall lasted, not held back until it was over as a closed loop would
        assertThat(duringStall).filteredOn(row -> scheduledAt(row).toEpochMilli() < stallUntilMs - 50)
                .isNotEmpty().allSatisfy(row -> assertThat(Instant.parse(row.get("startedAt").asText())
                        .toEpochMilli()).as("startedAt of %s", row).isLessThan(stallUntilMs));
    }

    @Test
    void mistakesInLoadAndConcurrencyFailTheClassUpFront() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(InvalidLoadTestCases.class, shared.remoteTarget("owj-il-"));

        String type = InvalidLoadTestCases.class.getName();
        run.results().containerEvents().assertThatEvents().haveExactly(1, event(
                container(InvalidLoadTestCases.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(m ->
                        m.contains("@Load on method " + type + "#badLoad: attribute 'maxInFlight' must be from 1"
                                + " to 4096, was 0")
                        && m.contains("@Load on method " + type + "#badLoad: attribute 'rate' must be above 0")
                        && m.contains("attribute 'duration' of @Load on method " + type + "#badLoad is \"1"
                                + " fortnight\", which is not a duration")
                        && m.contains("@Load on method " + type + "#traceAndRate: attribute 'trace' gives the"
                                + " arrivals; leave 'rate' and 'duration' unset")
                        && m.contains("@Load on method " + type + "#decreasingTrace: attribute 'trace': ")
                        && m.contains("decreasing.csv line 3: 10 ms comes before the previous arrival")
                        && m.contains("@Concurrency(0) on method " + type + "#badConcurrency: attribute 'value'"
                                + " must be from 1 to 1024, was 0")
                        && m.contains("@Concurrency(0) on method " + type + "#badConcurrency: set exactly one of"
                                + " the attributes 'invocations'")
                        && m.contains("@Load and @Concurrency on method " + type + "#both")
                        && m.contains("@Load and @Warmup on method " + type + "#both")))));
        assertThat(run.results().testEvents().started().count()).isZero();
    }

    private static Instant scheduledAt(JsonNode row) {
        return Instant.parse(row.get("scheduledAt").asText());
    }

    private static List<JsonNode> sortedByScheduledAt(List<JsonNode> rows) {
        return rows.stream().sorted(Comparator.comparing(LoadTests::scheduledAt)).toList();
    }

    /** The most calls in progress at one moment, from each row's start and client time. */
    private static int maxOverlap(List<JsonNode> rows) {
        List<long[]> edges = new ArrayList<>();
        for (JsonNode row : rows) {
            Instant start = Instant.parse(row.get("startedAt").asText());
            long startUs = start.getEpochSecond() * 1_000_000 + start.getNano() / 1000;
            edges.add(new long[] {startUs, 1});
            edges.add(new long[] {startUs + row.get("clientTimeUs").asLong(), -1});
        }
        edges.sort(Comparator.<long[]>comparingLong(edge -> edge[0]).thenComparingLong(edge -> edge[1]));
        int current = 0;
        int max = 0;
        for (long[] edge : edges) {
            current += (int) edge[1];
            max = Math.max(max, current);
        }
        return max;
    }
}
