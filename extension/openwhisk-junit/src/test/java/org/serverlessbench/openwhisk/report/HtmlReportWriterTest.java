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
