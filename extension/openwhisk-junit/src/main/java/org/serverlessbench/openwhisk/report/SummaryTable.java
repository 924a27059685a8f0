package org.serverlessbench.openwhisk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The console summary of a run: one line per test and function with the number of measured invocations, cold
 * starts, failures, client and provider p50/p95 and mean init time, in milliseconds. Warmups are left out.
 */
final class SummaryTable {

    private static final List<String> HEADER = List.of("test", "function", "n", "cold", "failed",
            "client p50", "client p95", "provider p50", "provider p95", "mean init");

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
                    millis(summary.clientTimeUs(), Statistics::p95),
                    millis(summary.providerExecutionUs(), Statistics::p50),
                    millis(summary.providerExecutionUs(), Statistics::p95),
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
        text.append("Written to ").append(resultsLocation).append(System.lineSeparator());
        return text.toString();
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
