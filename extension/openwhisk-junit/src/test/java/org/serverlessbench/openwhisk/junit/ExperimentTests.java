package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessbench.openwhisk.junit.InvocationMode.BURST;
import static org.serverlessbench.openwhisk.junit.InvocationMode.COLD;
import static org.serverlessbench.openwhisk.junit.InvocationMode.SEQUENTIAL;
import static org.serverlessbench.openwhisk.junit.InvocationMode.WARM;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.Event;

/**
 * Experiment templates on the embedded OpenWhisk: one test invocation per point of the dimensions' product, named
 * after its values, with the point's memory, trial, mode, payload and idle time in the rows, and the samples each
 * mode takes, warms up, forces cold or rejects.
 */
class ExperimentTests {

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node", memory = 192)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class MemoryAndTrialsTestCases {

        @Order(1)
        @MemorySizes({128, 256})
        @Trials(2)
        void sweep(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
        }

        @Order(2)
        @Test
        void memoryIsSetBackAfterTheSweep(DeployedFunction function) {
            assertThat(function.action().limits().memory()).isEqualTo(192);
        }
    }

    @Test
    void memorySizesAndTrialsRunOncePerPointWithTheirValuesInNamesAndRows() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(MemoryAndTrialsTestCases.class).assertAllSucceeded();

        assertThat(testNames(run)).containsExactly("[128 MB, trial 1]", "[128 MB, trial 2]", "[256 MB, trial 1]",
                "[256 MB, trial 2]", "memoryIsSetBackAfterTheSweep(DeployedFunction)");
        List<JsonNode> rows = Rows.ofTest(run, MemoryAndTrialsTestCases.class, "sweep");
        assertThat(rows).extracting(row -> row.get("memoryMb").asInt() + "/" + row.get("trial").asInt())
                .containsExactly("128/1", "128/2", "256/1", "256/2");
        assertThat(rows).as("each trial starts in fresh containers")
                .allSatisfy(row -> assertThat(row.get("cold").asBoolean()).isTrue());
    }

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class MissingFunctionTestCases {

        @MemorySizes(value = 128, functions = "missing")
        void sweep(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
        }
    }

    @Test
    void memorySizesOfAFunctionNotInScopeFailTheRunNamingTheAvailableOnes() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(MissingFunctionTestCases.class);

        assertThat(run.results().allEvents().list()).map(ExperimentTests::failureMessage)
                .anySatisfy(message -> assertThat(message).isEqualTo("@MemorySizes(functions = [missing]) on"
                        + " MissingFunctionTestCases#sweep: no function 'missing' is in scope; available: [echo]"));
        assertThat(run.rows()).isEmpty();
    }

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class ModesTestCases {

        @Mode(value = {COLD, WARM, BURST, SEQUENTIAL}, batch = 2)
        @Samples(3)
        void modes(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
        }
    }

    @Test
    void eachModeTakesItsSamplesAsSebsPerfCostDoes() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(ModesTestCases.class).assertAllSucceeded();

        assertThat(testNames(run)).containsExactly("[cold]", "[warm]", "[burst]", "[sequential]");
        List<JsonNode> rows = Rows.ofTest(run, ModesTestCases.class, "modes");
        assertThat(measured(rows, "cold")).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("cold").asBoolean()).isTrue();
            assertThat(row.get("rejected").isNull()).isTrue();
        });
        assertThat(warmups(rows, "warm")).as("the first batch warms up").hasSize(2);
        assertThat(measured(rows, "warm")).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("concurrency").asInt()).isEqualTo(2);
            assertThat(row.get("rejected").isNull()).isEqualTo(!row.get("cold").asBoolean());
        });
        assertThat(warmups(rows, "burst")).isEmpty();
        assertThat(measured(rows, "burst")).as("bursts of 2 and 1 after a new revision each").hasSize(3)
                .allSatisfy(row -> {
                    assertThat(row.get("cold").asBoolean()).isTrue();
                    assertThat(row.get("rejected").isNull()).isTrue();
                });
        assertThat(warmups(rows, "sequential")).hasSize(1);
        assertThat(measured(rows, "sequential")).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("cold").asBoolean()).isFalse();
            assertThat(row.get("concurrency").isNull()).isTrue();
        });
        List<Map<String, String>> samples = run.reportEntries().stream()
                .filter(entry -> entry.containsKey(ReportKeys.SAMPLES)).toList();
        assertThat(samples).hasSize(4).allSatisfy(entry -> assertThat(entry).containsEntry(ReportKeys.SAMPLES, "3")
                .containsEntry(ReportKeys.SAMPLES_STOPPED_BY, "count"));
        String rejectedWarm = Long.toString(measured(rows, "warm").stream()
                .filter(row -> !row.get("rejected").isNull()).count());
        assertThat(samples).extracting(entry -> entry.get(ReportKeys.REJECTED_COUNT))
                .as("rejected in cold, warm, burst, sequential").containsExactly("0", rejectedWarm, null, null);
    }

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class WarmRejectionTestCases {

        private final AtomicInteger runs = new AtomicInteger();

        /** Every measured run after the first changes the action, so its container starts cold. */
        @Mode(value = WARM, batch = 1)
        @Samples(3)
        void warm(LibraryTrigger trigger, DeployedFunction function) {
            if (runs.incrementAndGet() > 2) {
                function.update(FunctionUpdate.newBuilder().parameter("run", runs.get()).build());
            }
            trigger.invoke().assertSuccess();
        }
    }

    @Test
    void coldSamplesInWarmModeAreRecordedAsRejected() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(WarmRejectionTestCases.class).assertAllSucceeded();

        List<JsonNode> measured = measured(Rows.ofTest(run, WarmRejectionTestCases.class, "warm"), "warm");
        assertThat(measured).extracting(row -> row.get("rejected").isNull() ? "kept" : row.get("rejected").asText())
                .containsExactly("kept", "cold in warm mode", "cold in warm mode");
        assertThat(run.reportEntries()).filteredOn(entry -> entry.containsKey(ReportKeys.SAMPLES)).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry(ReportKeys.REJECTED_COUNT, "2"));
    }

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class AdaptiveSamplesTestCases {

        @Samples(min = 21, max = 200, relativeCi = 0.5)
        void loose(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
        }

        @Samples(min = 21, max = 24, relativeCi = 0.000_001)
        void tight(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
        }
    }

    @Test
    void adaptiveSamplingStopsWhenTheMediansIntervalIsNarrowOrAtTheMaximum() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(AdaptiveSamplesTestCases.class).assertAllSucceeded();

        assertThat(testNames(run)).containsExactlyInAnyOrder("[21-200 samples, ±50 %]",
                "[21-24 samples, ±0.0001 %]");
        Map<String, String> loose = samplesEntry(run, "[21-200 samples, ±50 %]");
        Map<String, String> tight = samplesEntry(run, "[21-24 samples, ±0.0001 %]");
        assertThat(Rows.ofTest(run, AdaptiveSamplesTestCases.class, "loose")).hasSize(
                Integer.parseInt(loose.get(ReportKeys.SAMPLES)));
        assertThat(Rows.ofTest(run, AdaptiveSamplesTestCases.class, "tight")).hasSize(24);
        assertThat(tight).containsEntry(ReportKeys.SAMPLES, "24").containsEntry(ReportKeys.SAMPLES_STOPPED_BY, "max");
        assertThat(Double.parseDouble(tight.get(ReportKeys.SAMPLES_RELATIVE_CI))).isGreaterThan(0.000_001);
        if (loose.get(ReportKeys.SAMPLES_STOPPED_BY).equals("ci")) {
            assertThat(Double.parseDouble(loose.get(ReportKeys.SAMPLES_RELATIVE_CI))).isLessThanOrEqualTo(0.5);
        } else {
            assertThat(loose).containsEntry(ReportKeys.SAMPLES_STOPPED_BY, "max")
                    .containsEntry(ReportKeys.SAMPLES, "200");
        }
        assertThat(Integer.parseInt(loose.get(ReportKeys.SAMPLES))).isBetween(21, 200);
    }

    /** The samples entry published by the test of that display name. */
    private static Map<String, String> samplesEntry(OpenWhiskTestKit.Run run, String displayName) {
        List<Map<String, String>> entries = run.results().allEvents().reportingEntryPublished().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals(displayName))
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(entry -> entry.containsKey(ReportKeys.SAMPLES)).toList();
        assertThat(entries).as("samples entry of %s", displayName).hasSize(1);
        return entries.get(0);
    }

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class IdleTimesTestCases {

        @IdleTimes(value = {"0ms", "4s"}, pairs = 2)
        void idle(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
        }
    }

    @Test
    void anIdleTimeLongerThanTheEmbeddedIdleTimeoutEndsInAColdStart() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(IdleTimesTestCases.class,
                Map.of(ConfigurationKeys.EMBEDDED_IDLE_TIMEOUT, "1s")).assertAllSucceeded();

        assertThat(testNames(run)).containsExactly("[idle 0ms]", "[idle 4s]");
        List<JsonNode> rows = Rows.ofTest(run, IdleTimesTestCases.class, "idle");
        assertThat(rows.stream().filter(row -> row.get("warmup").asBoolean())).hasSize(4)
                .allSatisfy(row -> assertThat(row.get("idleMs").isNull()).isTrue());
        List<JsonNode> measured = rows.stream().filter(row -> !row.get("warmup").asBoolean()).toList();
        assertThat(measured).extracting(row -> row.get("idleMs").asLong() + ":" + row.get("cold").asBoolean())
                .containsExactly("0:false", "0:false", "4000:true", "4000:true");
    }

    @Test
    void anIdleTimeoutThatIsNoDurationFailsTheClass() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(IdleTimesTestCases.class,
                Map.of(ConfigurationKeys.EMBEDDED_IDLE_TIMEOUT, "soon"));

        assertThat(run.results().allEvents().list()).map(ExperimentTests::failureMessage)
                .anySatisfy(message -> assertThat(message).contains("Configuration parameter"
                        + " openwhisk.embedded.idleTimeout is \"soon\", which is not a duration"));
        assertThat(run.results().testEvents().started().count()).isZero();
    }

    static List<String> testNames(OpenWhiskTestKit.Run run) {
        return run.results().testEvents().started().stream()
                .map(event -> event.getTestDescriptor().getDisplayName()).toList();
    }

    static String failureMessage(Event event) {
        return event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
    }

    private static List<JsonNode> measured(List<JsonNode> rows, String mode) {
        return rows.stream().filter(row -> mode.equals(row.get("mode").asText(null)))
                .filter(row -> !row.get("warmup").asBoolean()).toList();
    }

    private static List<JsonNode> warmups(List<JsonNode> rows, String mode) {
        return rows.stream().filter(row -> mode.equals(row.get("mode").asText(null)))
                .filter(row -> row.get("warmup").asBoolean()).toList();
    }
}
