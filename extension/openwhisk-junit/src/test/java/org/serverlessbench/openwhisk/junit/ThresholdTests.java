package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.EventConditions.uniqueIdSubstring;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.junit.Threshold.Metric;

/** {@code @Threshold} fails a test with the measured value, its interval and the limit, and only then. */
class ThresholdTests {

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class ThresholdTestCases {

        @RepeatedTest(3)
        @Threshold(metric = Metric.CLIENT_P50, max = "1us")
        void tooSlowForOneMicrosecond(LibraryTrigger trigger) {
            trigger.invoke(Map.of("n", 1)).assertSuccess();
        }

        @RepeatedTest(3)
        @Threshold(metric = Metric.CLIENT_P95, max = "30s")
        @Threshold(metric = Metric.FAILURE_RATIO, max = "0%")
        void withinGenerousLimits(LibraryTrigger trigger) {
            trigger.invoke(Map.of("n", 1)).assertSuccess();
        }

        @Test
        @ColdStart
        @Threshold(metric = Metric.COLD_RATIO, max = "0.5")
        void coldWhenAtMostHalfMayBe(LibraryTrigger trigger) {
            trigger.invoke(Map.of("n", 1)).assertSuccess();
        }

        @Test
        @Threshold(metric = Metric.CLIENT_MEAN, max = "fast")
        void unreadableLimit(LibraryTrigger trigger) {
            trigger.invoke(Map.of("n", 1)).assertSuccess();
        }
    }

    @Test
    void failsOnlyTheTestsOverTheirLimitAndSaysWhy() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(ThresholdTestCases.class);

        run.results().testEvents().assertStatistics(stats -> stats.started(8).succeeded(5).failed(3));
        run.results().testEvents().failed().assertThatEvents()
                .haveExactly(1, event(test("tooSlowForOneMicrosecond"),
                        uniqueIdSubstring("test-template-invocation:#3"), finishedWithFailure(message(text ->
                                text.startsWith("ThresholdTestCases#tooSlowForOneMicrosecond measured 3 invocations"
                                        + " and failed a check: CLIENT_P50 is ")
                                && text.endsWith("(too few samples for a CI) over 3 invocations with a client"
                                        + " time, above the threshold of 1us")))))
                .haveExactly(1, event(test("coldWhenAtMostHalfMayBe"), finishedWithFailure(message(text ->
                        text.endsWith("COLD_RATIO is 100.0 % (1 of 1 cold starts), above the threshold of 0.5")))))
                .haveExactly(1, event(test("unreadableLimit"), finishedWithFailure(message(text ->
                        text.contains("@Threshold(metric = CLIENT_MEAN) on ThresholdTestCases#unreadableLimit:"
                                + " attribute 'max' is \"fast\", which is not a duration")))));
        assertThat(run.rows()).hasSize(8);
    }
}
