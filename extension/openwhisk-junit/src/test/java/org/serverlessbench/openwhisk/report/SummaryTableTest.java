package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    @Test
    void shortensQualifiedClassNamesOnly() {
        assertThat(SummaryTable.displayName("org.example.SleepBenchmark#warm")).isEqualTo("SleepBenchmark#warm");
        assertThat(SummaryTable.displayName("org.example.SleepBenchmark")).isEqualTo("SleepBenchmark");
        assertThat(SummaryTable.displayName("Plain#test")).isEqualTo("Plain#test");
        assertThat(SummaryTable.displayName("[engine:junit-jupiter]/[class:a.B]"))
                .isEqualTo("[engine:junit-jupiter]/[class:a.B]");
    }

    @Test
    void alignsColumnsAndMarksMissingTimes() {
        List<InvocationRow> rows = List.of(
                Rows.warmup("a.B#warm", "f", 0),
                Rows.warm("a.B#warm", "f", 1, 12_345, 10_000),
                Rows.failed("a.LongerClassName#failing", "function-with-a-long-name", 2));
        RunReport report = RunReport.of(new RunInfo("remote", "https://ow.example", Map.of()),
                Instant.EPOCH, Instant.EPOCH.plusSeconds(5), rows);

        List<String> lines = SummaryTable.render(report, "results.json").lines().toList();

        assertThat(lines.get(0)).isEqualTo("OpenWhisk results: 3 invocations (1 warm-up, not in the statistics) on"
                + " remote (https://ow.example); times in ms");
        assertThat(lines.get(1)).isEqualTo("test                     function                   n  cold  failed"
                + "  client p50  client p95  provider p50  provider p95  mean init");
        assertThat(lines.get(2)).matches("-+").hasSameSizeAs(lines.get(1));
        assertThat(lines.get(3)).isEqualTo("B#warm                   f                          1     0       0"
                + "       12.35       12.35         10.00         10.00          -");
        assertThat(lines.get(4)).isEqualTo("LongerClassName#failing  function-with-a-long-name  1     0       1"
                + "        4.00        4.00             -             -          -");
        assertThat(lines.get(5)).isEqualTo("Written to results.json");
    }
}
