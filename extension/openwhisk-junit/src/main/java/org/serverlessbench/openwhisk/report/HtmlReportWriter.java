package org.serverlessbench.openwhisk.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS, SVG charts drawn in Java, no script, nothing
 * loaded from the network) with the run, a summary table with confidence intervals and, per function, the latency
 * CDF (client and provider), cold against warm, init times, latency and throughput over the run, and memory sizes
 * when there are several. Statistics use every measured invocation; plots are downsampled so that the page stays
 * small for 100 000 invocations.
 */
final class HtmlReportWriter {

    /** Most points drawn per CDF line. */
    static final int CDF_POINTS = 300;
    /** Most points drawn in a latency-over-time scatter. */
    static final int SCATTER_POINTS = 2_000;

    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:24px;color:#222}"
            + "table{border-collapse:collapse;margin:8px 0 24px}td,th{border:1px solid #ccc;padding:3px 8px;"
            + "font-size:13px}td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f4f4f4}"
            + "figure{display:inline-block;vertical-align:top;margin:8px 8px 16px 0}figure svg{width:600px;height:auto}"
            + "figcaption{font-size:13px;margin-bottom:4px}"
            + "h2{margin-top:32px;border-bottom:1px solid #ddd}.note{color:#666;font-size:12px}";

    void write(RunReport report, Writer out) throws IOException {
        out.write(render(report));
    }

    String render(RunReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>OpenWhisk results ")
                .append(Html.escape(report.startedAt().toString())).append("</title><style>").append(STYLE)
                .append("</style></head><body>");
        html.append("<h1>OpenWhisk benchmark results</h1>");
        runSection(report, html);
        summarySection(report, html);
        baselineSection(report, html);
        Map<String, List<InvocationRow>> byFunction = new LinkedHashMap<>();
        for (InvocationRow row : report.rows()) {
            if (!row.warmup()) {
                byFunction.computeIfAbsent(row.function(), key -> new ArrayList<>()).add(row);
            }
        }
        byFunction.forEach((function, rows) -> functionSection(report, function, rows, html));
        environmentSection(report, html);
        return html.append("</body></html>").toString();
    }

    private static void runSection(RunReport report, StringBuilder html) {
        long measured = report.rows().size() - report.warmupCount();
        html.append("<p>Target <b>").append(Html.escape(report.run().target())).append("</b>");
        if (report.run().apiHost() != null) {
            html.append(" (").append(Html.escape(report.run().apiHost())).append(")");
        }
        html.append(", started ").append(Html.escape(report.startedAt().toString())).append(", finished ")
                .append(Html.escape(report.finishedAt().toString())).append(". ").append(measured)
                .append(measured == 1 ? " measured invocation, " : " measured invocations, ")
                .append(report.warmupCount()).append(report.warmupCount() == 1 ? " warm-up" : " warm-ups")
                .append(" (not in the statistics). Times in milliseconds.</p>");
    }

    private static void summarySection(RunReport report, StringBuilder html) {
        html.append("<h2>Summary</h2><table class=\"summary\"><tr><th>test</th><th>function</th><th>n</th>"
                + "<th>cold</th><th>failed</th><th>client median [95 % CI]</th><th>client mean [95 % CI]</th>"
                + "<th>p95</th><th>p99</th><th>provider median</th><th>mean init</th></tr>");
        for (TestSummary summary : report.summaries()) {
            Statistics client = summary.clientTimeUs();
            html.append("<tr><td>").append(Html.escape(SummaryTable.displayName(summary.test()))).append("</td><td>")
                    .append(Html.escape(summary.function())).append("</td>");
            cell(html, Integer.toString(summary.count()));
            cell(html, Integer.toString(summary.coldCount()));
            cell(html, Integer.toString(summary.failureCount()));
            cell(html, client.isEmpty() ? "–" : ms(client.median()) + " "
                    + interval(client.medianInterval(ConfidenceLevel.NINETY_FIVE), "n ≤ 20: too small for a CI"));
            cell(html, client.isEmpty() ? "–" : ms(client.mean()) + " "
                    + interval(client.meanInterval(ConfidenceLevel.NINETY_FIVE), "n < 2"));
            cell(html, client.count() >= 20 ? ms(client.p95()) : "–");
            cell(html, client.count() >= 100 ? ms(client.p99()) : "–");
            cell(html, summary.providerExecutionUs().isEmpty() ? "–" : ms(summary.providerExecutionUs().median()));
            cell(html, summary.providerInitUs().isEmpty() ? "–" : ms(summary.providerInitUs().mean()));
            html.append("</tr>");
        }
        html.append("</table><p class=\"note\">Median CI: Le Boudec's order-statistic interval (n &gt; 20); mean CI:"
                + " Student's t. p95 is shown from n = 20, p99 from n = 100 (nearest rank).</p>");
    }

    private static void baselineSection(RunReport report, StringBuilder html) {
        if (report.baselineRunId() == null) {
            return;
        }
        html.append("<h2>Compared with run ").append(Html.escape(report.baselineRunId())).append("</h2>")
                .append("<table class=\"baseline\"><tr><th>group</th><th>verdict</th><th>median / baseline</th>"
                        + "<th>median</th><th>baseline median</th><th>p (Mann-Whitney U)</th><th>n</th></tr>");
        report.comparisons().forEach((group, comparison) -> {
            html.append("<tr><td>").append(Html.escape(group.describe())).append("</td><td>")
                    .append(Html.escape(comparison.verdict().label())).append("</td>");
            cell(html, String.format(Locale.ROOT, "%.2fx", comparison.ratio()));
            cell(html, ms(comparison.currentMedian()));
            cell(html, ms(comparison.baselineMedian()));
            cell(html, String.format(Locale.ROOT, "%.2g", comparison.pValue()));
            cell(html, comparison.currentCount() + "/" + comparison.baselineCount());
            html.append("</tr>");
        });
        html.append("</table><p class=\"note\">A group is regressed or improved when p &lt; ")
                .append(Comparison.SIGNIFICANCE).append(" and the medians differ by more than the configured"
                        + " ratio.</p>");
    }

    private static void functionSection(RunReport report, String function, List<InvocationRow> rows,
            StringBuilder html) {
        html.append("<h2>").append(Html.escape(function)).append("</h2>");
        Svg cdf = new Svg("latency (ms)", "fraction of invocations");
        addCdf(cdf, "client", values(rows, row -> row.clientTimeUs()));
        addCdf(cdf, "provider execution", values(rows, InvocationRow::providerExecutionUs));
        figure(html, "cdf", function, "Latency CDF, client and provider", cdf);

        long[] cold = values(rows.stream().filter(InvocationRow::cold).toList(), row -> row.clientTimeUs());
        long[] warm = values(rows.stream().filter(row -> !row.cold()).toList(), row -> row.clientTimeUs());
        Svg coldWarm = new Svg("client latency (ms)", "fraction of invocations");
        addCdf(coldWarm, "cold (n=" + cold.length + ")", cold);
        addCdf(coldWarm, "warm (n=" + warm.length + ")", warm);
        figure(html, "cold-warm", function, "Cold against warm, client latency", coldWarm);

        long[] init = values(rows, InvocationRow::providerInitUs);
        if (init.length > 0) {
            Svg initChart = new Svg("init time (ms)", "fraction of cold starts");
            addCdf(initChart, "initTime (n=" + init.length + ")", init);
            figure(html, "init", function, "Init time of cold starts", initChart);
        }

        overTime(report, function, rows, html);
        memorySweep(function, rows, html);
    }

    private static void overTime(RunReport report, String function, List<InvocationRow> rows, StringBuilder html) {
        List<InvocationRow> ordered = rows.stream()
                .sorted((a, b) -> a.startedAt().compareTo(b.startedAt())).toList();
        int stride = Math.max(1, (ordered.size() + SCATTER_POINTS - 1) / SCATTER_POINTS);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        TreeMap<Long, Integer> perSecond = new TreeMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            InvocationRow row = ordered.get(i);
            double offset = Duration.between(report.startedAt(), row.startedAt()).toNanos() / 1e9;
            perSecond.merge((long) Math.floor(offset), 1, Integer::sum);
            if (i % stride == 0) {
                xs.add(offset);
                ys.add(row.clientTimeUs() / 1000.0);
            }
        }
        Svg latency = new Svg("seconds since the run started", "client latency (ms)");
        latency.points(stride == 1 ? "client" : "client (1 in " + stride + " shown)", array(xs), array(ys));
        figure(html, "latency-time", function, "Client latency over the run", latency);

        long first = perSecond.firstKey();
        long last = perSecond.lastKey();
        double[] seconds = new double[(int) (last - first + 1)];
        double[] counts = new double[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = first + i;
            counts[i] = perSecond.getOrDefault(first + i, 0);
        }
        Svg throughput = new Svg("seconds since the run started", "invocations started per second");
        throughput.line("started/s", seconds, counts);
        figure(html, "throughput", function, "Throughput over the run", throughput);
    }

    private static void memorySweep(String function, List<InvocationRow> rows, StringBuilder html) {
        TreeMap<Integer, List<InvocationRow>> byMemory = new TreeMap<>();
        rows.stream().filter(row -> row.memoryMb() != null)
                .forEach(row -> byMemory.computeIfAbsent(row.memoryMb(), key -> new ArrayList<>()).add(row));
        if (byMemory.size() < 2) {
            return;
        }
        List<Double> xs = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> lows = new ArrayList<>();
        List<Double> highs = new ArrayList<>();
        byMemory.forEach((memory, group) -> {
            Statistics statistics = Statistics.of(values(group, row -> row.clientTimeUs()));
            Optional<ConfidenceInterval> ci = statistics.meanInterval(ConfidenceLevel.NINETY_FIVE);
            xs.add(memory.doubleValue());
            means.add(statistics.mean() / 1000);
            lows.add(ci.map(ConfidenceInterval::lower).orElse(statistics.mean()) / 1000);
            highs.add(ci.map(ConfidenceInterval::upper).orElse(statistics.mean()) / 1000);
        });
        Svg sweep = new Svg("memory (MB)", "client latency, mean (ms)");
        sweep.lineWithBars("mean, 95 % CI", array(xs), array(means), array(lows), array(highs));
        figure(html, "memory", function, "Memory sizes: mean client latency with 95 % CI", sweep);
    }

    private static void environmentSection(RunReport report, StringBuilder html) {
        html.append("<h2>Environment</h2><table class=\"environment\">");
        report.run().environment().forEach((key, value) -> html.append("<tr><th>").append(Html.escape(key))
                .append("</th><td>").append(Html.escape(value)).append("</td></tr>"));
        html.append("</table>");
    }

    /** CDF through at most {@link #CDF_POINTS} evenly spaced order statistics. */
    private static void addCdf(Svg svg, String name, long[] values) {
        if (values.length == 0) {
            return;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int points = Math.min(sorted.length, CDF_POINTS);
        double[] xs = new double[points];
        double[] ys = new double[points];
        for (int i = 0; i < points; i++) {
            int index = points == 1 ? 0 : (int) Math.round(i * (sorted.length - 1) / (double) (points - 1));
            xs[i] = sorted[index] / 1000.0;
            ys[i] = (index + 1) / (double) sorted.length;
        }
        svg.line(name, xs, ys);
    }

    private static void figure(StringBuilder html, String kind, String function, String caption, Svg svg) {
        html.append("<figure class=\"chart\" data-chart=\"").append(kind).append("\" data-function=\"")
                .append(Html.escape(function)).append("\"><figcaption>").append(Html.escape(caption))
                .append("</figcaption>").append(svg.render(caption + " of " + function)).append("</figure>");
    }

    private static long[] values(List<InvocationRow> rows, Function<InvocationRow, Long> field) {
        return rows.stream().map(field).filter(Objects::nonNull).mapToLong(Long::longValue).toArray();
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void cell(StringBuilder html, String text) {
        html.append("<td class=\"n\">").append(Html.escape(text)).append("</td>");
    }

    private static String interval(Optional<ConfidenceInterval> interval, String otherwise) {
        return interval.map(ci -> "[" + ms(ci.lower()) + ", " + ms(ci.upper()) + "]").orElse("(" + otherwise + ")");
    }

    private static String ms(double micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000);
    }
}
