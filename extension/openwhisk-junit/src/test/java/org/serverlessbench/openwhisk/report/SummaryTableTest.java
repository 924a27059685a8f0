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
                + "  client p50  95% CI  client mean  mean 95% CI    CV  client p95  client p99  client p99.9"
                + "  provider p50  provider p95  mean init");
        assertThat(lines.get(2)).matches("-+").hasSameSizeAs(lines.get(1));
        assertThat(lines.get(3)).isEqualTo("B#warm                   f                          1     0       0"
                + "       12.35       -        12.35            -  0.00           -           -             -"
                + "         10.00             -          -");
        assertThat(lines.get(4)).isEqualTo("LongerClassName#failing  function-with-a-long-name  1     0       1"
                + "        4.00       -         4.00            -  0.00           -           -             -"
                + "             -             -          -");
        assertThat(lines.get(5)).isEqualTo("Written to results.json");
    }

    @Test
    void showsPercentilesAndTheMedianIntervalOnlyWhereTheSampleSupportsThem() {
        List<InvocationRow> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            rows.add(Rows.warm("a.B#many", "f", i, i * 1_000L, 500));
        }
        RunReport report = RunReport.of(new RunInfo("embedded", null, Map.of()), Instant.EPOCH,
                Instant.EPOCH.plusSeconds(5), rows);

        String line = SummaryTable.render(report, "x").lines().toList().get(3);

        // n = 30: p50 = X(15), Le Boudec 95 % = [X(9), X(22)], mean 15.5, sd 8.803 (Python's statistics.stdev),
        // t(0.975, 29) = 2.045230: mean CI 15.5 ± 3.287; CV 0.568; p95 = X(29), no p99 below n = 100
        assertThat(line).containsPattern("B#many +f +30 +0 +0 +15\\.00 +\\[9\\.00, 22\\.00\\] +15\\.50"
                + " +\\[12\\.21, 18\\.79\\] +0\\.57 +29\\.00 +- +- +0\\.50");
    }

    @Test
    void showsTheConditionsOfEachGroupAndTheCalibrationFloor() {
        List<InvocationRow> rows = List.of(
                Rows.warm("a.B#sweep", "f", 1, 2_000, 1_000).withConditions(Conditions.NONE.withMode("warm")
                        .withConcurrency(4)),
                Rows.warm("a.B#sweep", "f", 2, 3_000, 1_000).withConditions(Conditions.NONE.withPayloadBytes(1024L)
                        .withIdleMs(10_000L).withTrial(2)));
        RunInfo run = new RunInfo("embedded", null, Map.of()).withCalibration(
                new Calibration(1_234L, 110L, 20, "median of 20 warm calls"));
        RunReport report = RunReport.of(run, Instant.EPOCH, Instant.EPOCH.plusSeconds(5), rows);

        List<String> lines = SummaryTable.render(report, "x").lines().toList();

        assertThat(lines.get(0)).endsWith("; times in ms; floor: no-op action p50 1.23 ms, HTTP echo p50 0.11 ms"
                + " (n = 20)");
        assertThat(lines.get(1)).startsWith("test     function  conditions                            n  cold");
        assertThat(lines.get(3)).startsWith("B#sweep  f         trial=2 payload=1024 B idle=10000 ms  1  ");
        assertThat(lines.get(4)).startsWith("B#sweep  f         mode=warm concurrency=4               1  ");
    }
}
