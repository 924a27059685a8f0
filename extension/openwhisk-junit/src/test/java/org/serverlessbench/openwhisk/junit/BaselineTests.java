package org.serverlessbench.openwhisk.junit;

import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openwhisk.baseline.failOn=regression} catches a doubled sleep and leaves unchanged reruns alone. */
class BaselineTests {

    /** The sleep of the next fixture run; fixtures run one at a time on the calling thread. */
    static volatile int sleepMs;

    @TempDir
    Path results;

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class SleepTestCases {

        @RepeatedTest(20)
        @Warmup(2)
        void sleep(LibraryTrigger trigger) {
            trigger.invoke(Map.of("sleepMs", sleepMs)).assertSuccess();
        }
    }

    private OpenWhiskTestKit.Run run(int sleep, Map<String, String> parameters) {
        sleepMs = sleep;
        return OpenWhiskTestKit.run(SleepTestCases.class, parameters, results);
    }

    @Test
    void aDoubledSleepFailsAsARegression() {
        run(100, Map.of()).assertAllSucceeded();

        OpenWhiskTestKit.Run slower = run(200, Map.of(ConfigurationKeys.BASELINE, "previous",
                ConfigurationKeys.BASELINE_FAIL_ON, "regression"));

        slower.results().testEvents().assertStatistics(stats -> stats.started(20).succeeded(19).failed(1));
        slower.results().testEvents().failed().assertThatEvents().haveExactly(1, event(test("sleep"),
                finishedWithFailure(message(text -> text.contains("SleepTestCases#sleep echo 256 MB warm: regressed:"
                        + " median ") && text.contains("Mann-Whitney p = ")))));
    }

    @Test
    void unchangedRerunsAreNotFlagged() {
        run(100, Map.of()).assertAllSucceeded();
        Map<String, String> compare = Map.of(ConfigurationKeys.BASELINE, firstRunId(),
                ConfigurationKeys.BASELINE_FAIL_ON, "regression");

        for (int rerun = 0; rerun < 5; rerun++) {
            run(100, compare).assertAllSucceeded();
        }
    }

    private String firstRunId() {
        try {
            return results.resolve("latest").toRealPath().getFileName().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
