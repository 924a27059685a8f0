package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialSpreadTest {

    /**
     * Warm client times (µs) of three trials; trial 1 has a cold start too, and a second test has a single trial.
     * Expected figures computed with Python 3.11's {@code statistics} module (median, mean, stdev) and SciPy 1.17's
     * {@code scipy.stats.t(df).ppf(0.975)} for the quantiles (t(0.975, 2) = 4.302652730, t(0.975, 11) = 2.200985160):
     * medians 1150, 1500, 1050; means 1200, 1500, 1100; mean of means 1266.667, stdev of the means 208.166600,
     * so the interval 1266.667 ± 4.302652730 · 208.166600 / √3 = [749.552165, 1783.781168] and the CV 0.164342053;
     * pooled, the 12 values have mean 1233.333 and Student's interval [1079.876975, 1386.789692].
     */
    private static final long[][] TRIALS = {
        {1000, 1200, 1100, 1500}, {1500, 1400, 1600}, {900, 1000, 1100, 1050, 1450}};

    private static List<InvocationRow> rows() {
        List<InvocationRow> rows = new ArrayList<>();
        int second = 0;
        for (int trial = 1; trial <= TRIALS.length; trial++) {
            Conditions conditions = Conditions.NONE.withTrial(trial);
            if (trial == 1) {
                rows.add(Rows.cold("T#trials", "f", second++, 90_000, 50_000, 40_000).withConditions(conditions));
            }
            for (long client : TRIALS[trial - 1]) {
                rows.add(Rows.warm("T#trials", "f", second++, client, 500).withConditions(conditions));
            }
        }
        rows.add(Rows.warm("T#once", "f", second++, 700, 500).withConditions(Conditions.NONE.withTrial(1)));
        rows.add(Rows.warm("T#once", "f", second, 800, 500).withConditions(Conditions.NONE.withTrial(1)));
        return rows;
    }

    private static RunReport report() {
        List<InvocationRow> rows = rows();
        return RunReport.of(HtmlReportWriterTest.RUN, Rows.T0, Rows.T0.plusSeconds(60), rows);
    }

    @Test
    void figuresMatchAnIndependentComputation() {
        List<TrialSpread> spreads = report().trialSpreads();

        // the warm group has three trials; the cold one (trial 1 only) and the single-trial test have no spread
        assertThat(spreads).hasSize(1);
        TrialSpread warm = spreads.get(0);
        assertThat(warm.key()).isEqualTo(new GroupKey("T#trials", "f", 256, null, null, null, null, null, false));
        assertThat(warm.trials()).extracting(TrialSpread.Trial::trial).containsExactly(1, 2, 3);
        assertThat(warm.trials()).extracting(TrialSpread.Trial::count).containsExactly(4, 3, 5);
        assertThat(warm.medians()).containsExactly(1150, 1500, 1050);
        assertThat(warm.means()).containsExactly(1200, 1500, 1100);
        assertThat(warm.medianRange()).isEqualTo(new TrialSpread.Range(1050, 1500));
        assertThat(warm.meanRange().width()).isEqualTo(400);
        assertThat(warm.meanOfMeans()).isCloseTo(1266.666667, within(1e-6));
        assertThat(warm.standardDeviationOfMeans()).isCloseTo(208.166600, within(1e-6));
        ConfidenceInterval ci = warm.meanOfMeansInterval(ConfidenceLevel.NINETY_FIVE);
        assertThat(ci.lower()).isCloseTo(749.552165, within(1e-5));
        assertThat(ci.upper()).isCloseTo(1783.781168, within(1e-5));
        assertThat(warm.betweenTrialCv()).isCloseTo(0.164342053, within(1e-9));
        ConfidenceInterval pooled = warm.pooled().meanInterval(ConfidenceLevel.NINETY_FIVE).orElseThrow();
        assertThat(warm.pooled().count()).isEqualTo(12);
        assertThat(pooled.lower()).isCloseTo(1079.876975, within(1e-5));
        assertThat(pooled.upper()).isCloseTo(1386.789692, within(1e-5));
    }

    @Test
    void consoleSummaryListsTheSpreadUnderTheTable() {
        String text = SummaryTable.render(report(), "/tmp/results");

        assertThat(text).contains("Spread between trials, client time");
        String line = text.lines().filter(l -> l.startsWith("T#trials")).reduce((a, b) -> b).orElseThrow();
        assertThat(line).contains("warm", "1.15 1.50 1.05", "0.45", "1.20 1.50 1.10", "0.40", "1.27",
                "[0.75, 1.78]", "0.16");
        assertThat(text.lines().filter(l -> l.startsWith("T#once"))).hasSize(1);
    }

    @Test
    void consoleSummaryHasNoSpreadWithoutTrials() {
        assertThat(SummaryTable.render(RunReport.of(HtmlReportWriterTest.RUN, Rows.T0, Rows.T0.plusSeconds(2),
                List.of(Rows.warm("T#a", "f", 1, 1_000, 500))), "/tmp/results")).doesNotContain("Spread between");
    }

    @Test
    void resultsJsonHasTheSpreadOfEachGroup() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        StringWriter written = new StringWriter();
        new ResultsJsonWriter(mapper).write(report(), written);
        JsonNode json = mapper.readTree(written.toString()).path("trialSpread");

        assertThat(json).hasSize(1);
        JsonNode warm = json.get(0);
        assertThat(warm.path("test").asText()).isEqualTo("T#trials");
        assertThat(warm.path("trial").isNull()).isTrue();
        assertThat(warm.path("cold").asBoolean()).isFalse();
        assertThat(warm.path("trialCount").asInt()).isEqualTo(3);
        assertThat(warm.path("trials").get(1).path("median").asDouble()).isEqualTo(1500);
        assertThat(warm.path("trials").get(2).path("mean").asDouble()).isEqualTo(1100);
        assertThat(warm.path("medianRange").asDouble()).isEqualTo(450);
        assertThat(warm.path("meanOfMeans").asDouble()).isEqualTo(1266.7);
        assertThat(warm.path("meanOfMeansCi95").get(0).asDouble()).isEqualTo(749.6);
        assertThat(warm.path("meanOfMeansCi95").get(1).asDouble()).isEqualTo(1783.8);
        assertThat(warm.path("betweenTrialCv").asDouble()).isEqualTo(0.1643);
        assertThat(warm.path("pooled").path("meanCi95").get(0).asDouble()).isEqualTo(1079.9);
    }

    @Test
    void htmlReportHasTheTableAndAChartOfTheTrialMedians() {
        String html = new HtmlReportWriter().render(report());

        assertThat(html).contains("<table class=\"trials\">").contains("1.15 1.50 1.05")
                .contains("1.27 [0.75, 1.78]").contains("data-chart=\"trials\" data-function=\"f\"");
        assertThat(new HtmlReportWriter().render(HtmlReportWriterTest.sweep(5)))
                .doesNotContain("class=\"trials\"").doesNotContain("data-chart=\"trials\"");
    }
}
