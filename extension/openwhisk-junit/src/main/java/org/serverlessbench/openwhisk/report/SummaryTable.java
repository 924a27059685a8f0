package org.serverlessbench.openwhisk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The console summary of a run: one line per test and function with the number of measured invocations, cold
 * starts, failures, client p50 with its 95 % confidence interval (Le Boudec, from n = 21), client p95 (from n = 20)
 * and p99 (from n = 100), provider p50 and p95 and mean init time, in milliseconds; then, with a baseline, one line
 * per compared group. Warmups are left out; a percentile the sample cannot support is shown as {@code -}.
 */
final class SummaryTable {

    static final int MIN_COUNT_P95 = 20;
    static final int MIN_COUNT_P99 = 100;

    private static final List<String> HEADER = List.of("test", "function", "n", "cold", "failed",
            "client p50", "95% CI", "client p95", "client p99", "provider p50", "provider p95", "mean init");

    private static final Pattern QUALIFIED_NAME =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    private SummaryTable() {}

    static String render(RunReport report, String resultsLocation) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        for (TestSummary summary : report.summaries()) {
            lines.add(List.of(
                    displayName(summary.test()),
                    summary.function(),
                    Integer.toString(summary.count()),
                    Integer.toString(summary.coldCount()),
                    Integer.toString(summary.failureCount()),
                    millis(summary.clientTimeUs(), Statistics::p50),
                    medianInterval(summary.clientTimeUs()),
                    atLeast(MIN_COUNT_P95, summary.clientTimeUs(), Statistics::p95),
                    atLeast(MIN_COUNT_P99, summary.clientTimeUs(), Statistics::p99),
                    millis(summary.providerExecutionUs(), Statistics::p50),
                    atLeast(MIN_COUNT_P95, summary.providerExecutionUs(), Statistics::p95),
                    millis(summary.providerInitUs(), statistics -> statistics.mean())));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "OpenWhisk results: %d invocation%s (%d warm-up%s, not in the"
                        + " statistics) on %s%s; times in ms%n",
                report.rows().size(), report.rows().size() == 1 ? "" : "s",
                report.warmupCount(), report.warmupCount() == 1 ? "" : "s", report.run().target(),
                report.run().apiHost() == null ? "" : " (" + report.run().apiHost() + ")"));
        for (int l = 0; l < lines.size(); l++) {
            List<String> line = lines.get(l);
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                // text columns left-aligned, numbers right-aligned
                String format = i < 2 ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
                row.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, format, line.get(i)));
            }
            text.append(row.toString().stripTrailing()).append(System.lineSeparator());
            if (l == 0) {
                text.append("-".repeat(row.toString().stripTrailing().length())).append(System.lineSeparator());
            }
        }
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

    private static String atLeast(int count, Statistics statistics, Function<Statistics, Number> value) {
        return statistics.count() < count ? "-" : millis(statistics, value);
    }

    private static String medianInterval(Statistics statistics) {
        return statistics.medianInterval(ConfidenceLevel.NINETY_FIVE)
                .map(ci -> String.format(Locale.ROOT, "%.2f-%.2f", ci.lower() / 1000, ci.upper() / 1000))
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
