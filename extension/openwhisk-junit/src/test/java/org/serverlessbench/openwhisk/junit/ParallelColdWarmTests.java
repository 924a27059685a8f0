package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Cold-start and warm tests of one function run safely with JUnit's parallel execution: the function's resource lock
 * keeps a cold test's new revisions away from warm tests, whose warm-up then holds.
 */
class ParallelColdWarmTests {

    private static final Map<String, String> FOUR_THREADS = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class ColdAndWarmTestCases {

        @RepeatedTest(6)
        @ColdStart
        void cold(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess().assertCold();
        }

        @RepeatedTest(30)
        @Warmup(1)
        void warm(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess().assertWarm();
        }
    }

    @Test
    void coldAndWarmRepetitionsOfOneFunctionPassWithFourThreads() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(ColdAndWarmTestCases.class, FOUR_THREADS)
                .assertAllSucceeded();

        assertThat(run.results().testEvents().succeeded().count()).isEqualTo(36);
        List<JsonNode> cold = Rows.ofTest(run, ColdAndWarmTestCases.class, "cold");
        List<JsonNode> warm = Rows.ofTest(run, ColdAndWarmTestCases.class, "warm");
        assertThat(warm).filteredOn(row -> !row.get("warmup").asBoolean()).hasSize(30)
                .allSatisfy(row -> assertThat(row.get("cold").asBoolean()).isFalse());
        assertThat(warm).as("warm-ups: the lock kept every new revision away from the warm test")
                .filteredOn(row -> row.get("warmup").asBoolean()).hasSize(1);
        Instant firstWarm = warm.stream().map(ParallelColdWarmTests::begin).min(Instant::compareTo).orElseThrow();
        Instant lastWarm = warm.stream().map(ParallelColdWarmTests::begin).max(Instant::compareTo).orElseThrow();
        assertThat(cold).hasSize(6).allSatisfy(row -> assertThat(begin(row).isAfter(firstWarm)
                && begin(row).isBefore(lastWarm)).as("cold invocation at %s between warm ones", begin(row)).isFalse());
    }

    private static Instant begin(JsonNode row) {
        return Instant.parse(row.get("startedAt").asText());
    }
}
