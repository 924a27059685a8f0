package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * A long test prints its progress while it runs: done of planned, cold starts, p50 so far, elapsed, time left; the
 * plan of a repeated test, an open loop and adaptive samples.
 */
class ProgressTests {

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class LongTestCases {

        @RepeatedTest(60)
        @Warmup(1)
        void slow(LibraryTrigger trigger) {
            trigger.invoke(Map.of("sleepMs", 100)).assertSuccess();
        }
    }

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class PlannedTestCases {

        @Test
        @Load(rate = 10, arrivals = Load.Arrivals.FIXED, duration = "6s")
        void open(LibraryTrigger trigger) {
            trigger.invoke(Map.of("sleepMs", 100)).assertSuccess();
        }

        // a relative CI no sample of this size reaches: the run goes on to the maximum
        @Samples(min = 30, max = 60, relativeCi = 0.0001)
        void adaptive(LibraryTrigger trigger) {
            trigger.invoke(Map.of("sleepMs", 100)).assertSuccess();
        }
    }

    @Test
    void printsAPlainProgressLineAtMostEveryFiveSecondsInALog() {
        String printed = printedBy(LongTestCases.class);

        assertThat(printed.lines()
                .filter(line -> line.startsWith("LongTestCases#slow: ")))
                .isNotEmpty()
                .allMatch(line -> line.matches("LongTestCases#slow: \\d+/60 invocations, 0 cold, client p50"
                        + " \\d+\\.\\d\\d ms, \\d+ s elapsed(, about \\d+ s left)?"), "a progress line");
    }

    @Test
    void anOpenLoopAndAdaptiveSamplesShowTheirPlanFromTheStart() {
        String printed = printedBy(PlannedTestCases.class);

        // 10 arrivals per second for 6 s; at most 60 samples, named after the experiment's point
        assertThat(printed.lines().filter(line -> line.startsWith("PlannedTestCases#open: ")))
                .isNotEmpty()
                .allMatch(line -> line.matches("PlannedTestCases#open: \\d+/60 invocations, \\d+ cold, client p50"
                        + " \\d+\\.\\d\\d ms, \\d+ s elapsed(, about \\d+ s left)?"), "a progress line");
        assertThat(printed.lines().filter(line -> line.startsWith("PlannedTestCases#adaptive [")))
                .isNotEmpty()
                .allMatch(line -> line.matches("PlannedTestCases#adaptive \\[30-60 samples, ±0\\.01 %]: \\d+/<=60"
                        + " invocations, \\d+ cold, client p50 \\d+\\.\\d\\d ms, \\d+ s elapsed"
                        + "(, at most about \\d+ s left)?"), "a progress line");
    }

    private static String printedBy(Class<?> testClass) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            OpenWhiskTestKit.run(testClass).assertAllSucceeded();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
