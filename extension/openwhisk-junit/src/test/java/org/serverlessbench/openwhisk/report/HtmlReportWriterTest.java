package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    static final RunInfo RUN = new RunInfo("embedded", "http://127.0.0.1:3233", Map.of("java", "17", "cores", "2"));

    /** A sweep over three memory sizes with cold and warm invocations of two functions, seeded. */
    static RunReport sweep(int perGroup) {
        SplittableRandom random = new SplittableRandom(42);
        List<InvocationRow> rows = new ArrayList<>();
        Instant t = Rows.T0;
        int id = 0;
        for (String function : List.of("html-nodejs", "html-python")) {
            for (int memory : new int[] {128, 256, 512}) {
                for (int i = 0; i < perGroup; i++) {
                    boolean cold = i % 10 == 0;
                    long provider = 2_000 + random.nextLong(3_000) + 200_000 / memory * 10;
                    long client = provider + 500 + random.nextLong(1_000) + (cold ? 80_000 : 0);
                    t = t.plusMillis(3);
                    rows.add(new InvocationRow("org.example.HtmlBenchmark#sweep", function, "owj-" + function,
                            "library", "a" + id++, false, cold, "success", true, client, provider,
                            cold ? 70_000L + random.nextLong(10_000) : null, 300L, provider - 400, memory, t));
                }
            }
        }
        return RunReport.of(RUN, Rows.T0, t.plusSeconds(1), rows);
    }

    @Test
    void hasEveryChartAndNoScriptOrNetworkReference() {
        String html = new HtmlReportWriter().render(sweep(30));

        assertThat(html.contains("<script")).as("has a script").isFalse();
        assertThat(html.contains("http://www") || html.contains("https://")).as("refers to the network").isFalse();
        for (String chart : List.of("cdf", "cold-warm", "init", "latency-time", "throughput", "memory")) {
            assertThat(html.contains("data-chart=\"" + chart + "\" data-function=\"html-nodejs\"")).as(chart).isTrue();
        }
        assertThat(html.contains("<table class=\"summary\">")).as("summary table").isTrue();
        assertThat(html.contains("<table class=\"environment\">")).as("environment table").isTrue();
    }

    @Test
    void experimentChartsAppearOnlyWhenTheRowsHaveTheirConditions() {
        List<InvocationRow> rows = ExperimentRows.all(25);
        Calibration calibration = new Calibration(1_500L, 120L, 20, "median of 20 calls");
        String html = new HtmlReportWriter().render(RunReport.of(RUN.withCalibration(calibration),
                ExperimentRows.T0, rows.get(rows.size() - 1).startedAt().plusSeconds(1), rows));
        String plain = new HtmlReportWriter().render(sweep(30));

        for (String chart : List.of("open-loop-latency", "open-loop-throughput", "idle-time", "payload", "trials")) {
            assertThat(html).contains("data-chart=\"" + chart + "\" data-function=\"html-nodejs\"");
            assertThat(plain).doesNotContain("data-chart=\"" + chart + "\"");
        }
        assertThat(html).contains("data-chart=\"memory\"").contains("data-name=\"client, cold\"")
                .contains("data-name=\"provider, warm\"");
        assertThat(html).contains("<table class=\"calibration\">").contains("1.50 ms").contains("0.12 ms");
        assertThat(plain).contains("Not measured in this run");
    }

    @Test
    void idleTimeMapPlotsTheColdFractionWithWilsonBars() {
        List<InvocationRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(Rows.warm("T#idle", "f", i, 1_000, 500).withConditions(Conditions.NONE.withIdleMs(1_000L)));
            InvocationRow row = i < 5 ? Rows.cold("T#idle", "f", 20 + i, 9_000, 5_000, 4_000)
                    : Rows.warm("T#idle", "f", 20 + i, 1_000, 500);
            rows.add(row.withConditions(Conditions.NONE.withIdleMs(60_000L)));
        }
        String html = new HtmlReportWriter().render(RunReport.of(RUN, Rows.T0, Rows.T0.plusSeconds(40), rows));
        String chart = html.substring(html.indexOf("data-chart=\"idle-time\""));
        chart = chart.substring(0, chart.indexOf("</figure>"));

        // 0 of 10 and 5 of 10: points at 0 and 0.5, Wilson bars [0, 0.2775] and [0.2366, 0.7634]: two circles and
        // two bars in the series
        assertThat(chart.split("<circle", -1)).hasSize(3);
        assertThat(chart.split("stroke-width=\"1.5\"", -1)).hasSize(3);
    }

    @Test
    void staysUnderFiveMegabytesForHundredThousandInvocationsOfEveryExperiment() {
        List<InvocationRow> rows = ExperimentRows.all(100_000 / 39);

        String html = new HtmlReportWriter().render(RunReport.of(RUN, ExperimentRows.T0,
                rows.get(rows.size() - 1).startedAt().plusSeconds(1), rows));

        assertThat(rows.size()).isGreaterThanOrEqualTo(99_000);
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(5 * 1024 * 1024);
    }

    @Test
    void staysUnderFiveMegabytesForHundredThousandInvocations() {
        String html = new HtmlReportWriter().render(sweep(100_000 / 6));

        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(5 * 1024 * 1024);
    }

    @Test
    void smallSamplesSayTheyAreTooSmallInsteadOfAnInterval() {
        String html = new HtmlReportWriter().render(RunReport.of(RUN, Rows.T0, Rows.T0.plusSeconds(3),
                List.of(Rows.cold("T#one", "f", 1, 100_000, 5_000, 80_000), Rows.warm("T#one", "f", 2, 4_000, 1_000))));

        assertThat(html.contains("n ≤ 20: too small for a CI")).as("says the sample is too small").isTrue();
    }
}
