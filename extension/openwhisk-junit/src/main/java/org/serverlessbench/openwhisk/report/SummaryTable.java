package org.serverlessbench.openwhisk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The console summary of a run: one line per {@link GroupKey group} (test, function, the conditions that are set,
 * cold or warm) in the order of {@link TestSummary#order}, with the number of measured invocations, cold starts,
 * failures, client p50 with its 95 % confidence interval (Le Boudec, from n = 21), client mean with its 95 %
 * Student-t interval (from n = 2) and coefficient of variation, client p95 (from n = 20), p99 (from n = 100) and
 * p99.9 (from n = 1000), provider p50 and p95 and mean init time, in milliseconds; then, with a baseline, one line per
 * compared group. Warmups are left out; a figure the sample cannot support is shown as {@code -}. The header line
 * names the run's calibration floor when it was measured.
 */
final class SummaryTable {

    static final int MIN_COUNT_P95 = 20;
    static final int MIN_COUNT_P99 = 100;
    static final int MIN_COUNT_P999 = 1000;

    private static final List<String> HEADER = List.of("test", "function", "conditions", "n", "cold", "failed",
            "client p50", "95% CI", "client mean", "mean 95% CI", "CV", "client p95", "client p99", "client p99.9",
            "provider p50", "provider p95", "mean init");
    private static final int CONDITIONS = 2;
    /** Columns before this one are text (left-aligned), the others numbers (right-aligned). */
    private static final int FIRST_NUMBER = 3;

    private static final Pattern QUALIFIED_NAME =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    private SummaryTable() {}

    static String render(RunReport report, String resultsLocation) {
        boolean memoryVaries = report.summaries().stream().map(summary -> summary.key().memoryMb())
                .filter(Objects::nonNull).distinct().count() > 1;
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        for (TestSummary summary : report.summaries()) {
            Statistics client = summary.clientTimeUs();
            lines.add(List.of(
                    displayName(summary.test()),
                    summary.function(),
                    conditions(summary.key(), memoryVaries),
                    Integer.toString(summary.count()),
                    Integer.toString(summary.coldCount()),
                    Integer.toString(summary.failureCount()),
                    millis(client, Statistics::p50),
                    medianInterval(client),
                    millis(client, Statistics::mean),
                    meanInterval(client),
                    client.isEmpty() || Double.isNaN(client.coefficientOfVariation()) ? "-"
                            : String.format(Locale.ROOT, "%.2f", client.coefficientOfVariation()),
                    atLeast(MIN_COUNT_P95, client, Statistics::p95),
                    atLeast(MIN_COUNT_P99, client, Statistics::p99),
                    atLeast(MIN_COUNT_P999, client, Statistics::p999),
                    millis(summary.providerExecutionUs(), Statistics::p50),
                    atLeast(MIN_COUNT_P95, summary.providerExecutionUs(), Statistics::p95),
                    millis(summary.providerInitUs(), statistics -> statistics.mean())));
        }
        StringBuilder text = new StringBuilder();
        Calibration calibration = report.run().calibration();
        text.append(String.format(Locale.ROOT, "OpenWhisk results: %d invocation%s (%d warm-up%s, not in the"
                        + " statistics) on %s%s; times in ms%s%n",
                report.rows().size(), report.rows().size() == 1 ? "" : "s",
                report.warmupCount(), report.warmupCount() == 1 ? "" : "s", report.run().target(),
                report.run().apiHost() == null ? "" : " (" + report.run().apiHost() + ")",
                calibration == null ? "" : "; floor: " + calibration.describe()));
        text.append(TextTable.render(lines, FIRST_NUMBER, CONDITIONS));
        text.append(TrialSpreadTable.render(report.trialSpreads(), memoryVaries));
        if (report.baselineRunId() != null) {
            text.append("Compared with run ").append(report.baselineRunId()).append(" (client time, Mann-Whitney U):")
                    .append(System.lineSeparator());
            if (report.comparisons().isEmpty()) {
                text.append("  no group of this run is in the baseline").append(System.lineSeparator());
            }
            report.comparisons().forEach((group, comparison) -> text.append("  ").append(group.describe())
                    .append(": ").append(comparison.describe()).append(System.lineSeparator()));
        }
        text.append("Written to ").append(resultsLocation).append(System.lineSeparator());
        return text.toString();
    }

    /** The memory (when it varies in the run) and the conditions that are set, for example {@code 256 MB c=4}. */
    static String conditions(GroupKey key, boolean memoryVaries) {
        String set = key.conditionsText();
        String memory = memoryVaries && key.memoryMb() != null ? key.memoryMb() + " MB" : "";
        return (memory + " " + set).strip();
    }

    private static String meanInterval(Statistics statistics) {
        return statistics.meanInterval(ConfidenceLevel.NINETY_FIVE)
                .map(ci -> String.format(Locale.ROOT, "[%.2f, %.2f]", ci.lower() / 1000, ci.upper() / 1000))
                .orElse("-");
    }

    private static String atLeast(int count, Statistics statistics, Function<Statistics, Number> value) {
        return statistics.count() < count ? "-" : millis(statistics, value);
    }

    private static String medianInterval(Statistics statistics) {
        return statistics.medianInterval(ConfidenceLevel.NINETY_FIVE)
                .map(ci -> String.format(Locale.ROOT, "[%.2f, %.2f]", ci.lower() / 1000, ci.upper() / 1000))
                .orElse("-");
    }

    private static String millis(Statistics statistics, Function<Statistics, Number> value) {
        if (statistics.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", value.apply(statistics).doubleValue() / 1000.0);
    }

    /**
     * {@code org.example.SleepBenchmark#warm} becomes {@code SleepBenchmark#warm}, {@code org.example.SleepBenchmark}
     * (invocations made outside a test method) {@code SleepBenchmark}; other names stay as they are.
     */
    static String displayName(String test) {
        int hash = test.indexOf('#');
        String type = hash < 0 ? test : test.substring(0, hash);
        if (!QUALIFIED_NAME.matcher(type).matches()) {
            return test;
        }
        return type.substring(type.lastIndexOf('.') + 1) + (hash < 0 ? "" : test.substring(hash));
    }
}
