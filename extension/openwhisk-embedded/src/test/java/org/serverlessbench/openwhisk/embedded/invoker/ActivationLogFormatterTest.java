package org.serverlessbench.openwhisk.embedded.invoker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.embedded.runtime.LogLine;

class ActivationLogFormatterTest {
    private static final Instant TIME = Instant.parse("2026-11-26T17:00:00.123Z");

    @Test
    void padsTheTimestampToThirtyCharactersAndKeepsTheLineAsWritten() {
        List<String> logs = ActivationLogFormatter.format(
                List.of(new LogLine(TIME, "stdout", "  hello "), new LogLine(TIME, "stderr", "oops")), 10);

        assertThat(logs).containsExactly(
                "2026-11-26T17:00:00.123Z       stdout:   hello ",
                "2026-11-26T17:00:00.123Z       stderr: oops");
        assertThat(logs.get(0).indexOf(" stdout")).isEqualTo(30);
    }

    @Test
    void dropsSentinelLines() {
        List<String> logs = ActivationLogFormatter.format(List.of(
                new LogLine(TIME, "stdout", "a"),
                new LogLine(TIME, "stdout", "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX"),
                new LogLine(TIME, "stderr", "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX")), 10);

        assertThat(logs).containsExactly("2026-11-26T17:00:00.123Z       stdout: a");
    }

    @Test
    void truncatesAtTheLogLimitWithOpenWhisksLine() {
        List<LogLine> lines = new ArrayList<>();
        String kilobyte = "x".repeat(1023);
        for (int i = 0; i < 1030; i++) {
            lines.add(new LogLine(TIME, "stdout", kilobyte));
        }

        List<String> logs = ActivationLogFormatter.format(lines, 1);

        assertThat(logs).hasSize(1025);
        assertThat(logs.get(1024)).endsWith(
                " stderr: Logs were truncated because the total bytes size exceeds the limit of 1048576 bytes.");
    }

    @Test
    void zeroLimitKeepsOnlyTheTruncationLine() {
        List<String> logs = ActivationLogFormatter.format(List.of(new LogLine(TIME, "stdout", "a")), 0);

        assertThat(logs).singleElement().asString()
                .endsWith("stderr: Logs were truncated because the total bytes size exceeds the limit of 0 bytes.");
    }
}
