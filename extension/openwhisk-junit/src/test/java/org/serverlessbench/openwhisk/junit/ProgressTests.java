package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** A long test prints its progress while it runs: done of planned, cold starts, p50 so far, elapsed, time left. */
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

    @Test
    void printsAPlainProgressLineAtMostEveryFiveSecondsInALog() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            OpenWhiskTestKit.run(LongTestCases.class).assertAllSucceeded();
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("LongTestCases#slow: ")))
                .isNotEmpty()
                .allMatch(line -> line.matches("LongTestCases#slow: \\d+/60 invocations, 0 cold, client p50"
                        + " \\d+\\.\\d\\d ms, \\d+ s elapsed(, about \\d+ s left)?"), "a progress line");
    }
}
