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
 * CDF (client and provider), cold against warm, init times, latency and throughput over the run; where the rows
 * carry the conditions, the memory sweep (median client and provider time per memory size and mode with CI bars),
 * the open loop (latency from the scheduled start, scheduled, started and completed per second), the idle-time map
 * (P(cold | idle t) with Wilson intervals), the payload sweep and each trial's median; the spread between trials as
 * a table; and the environment with the self-calibration.
 * Statistics use every measured invocation; plots are downsampled so that the page stays
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
        List<TrialSpread> spreads = report.trialSpreads();
        TrialSpreadHtml.section(spreads, html);
        baselineSection(report, html);
        Map<String, List<InvocationRow>> byFunction = new LinkedHashMap<>();
        for (InvocationRow row : report.rows()) {
            if (!row.warmup()) {
                byFunction.computeIfAbsent(row.function(), key -> new ArrayList<>()).add(row);
            }
        }
        byFunction.forEach((function, rows) -> functionSection(report, spreads, function, rows, html));
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
        html.append("<h2>Summary</h2><table class=\"summary\"><tr><th>test</th><th>function</th>"
                + "<th>memory, conditions</th>"
                + "<th>n</th><th>cold</th><th>failed</th><th>client median [95 % CI]</th><th>client mean [95 % CI]</th>"
                + "<th>p95</th><th>p99</th><th>provider median</th><th>mean init</th></tr>");
        for (TestSummary summary : report.summaries()) {
            Statistics client = summary.clientTimeUs();
            html.append("<tr><td>").append(Html.escape(SummaryTable.displayName(summary.test()))).append("</td><td>")
                    .append(Html.escape(summary.function())).append("</td><td>")
                    .append(Html.escape(conditions(summary.key()))).append("</td>");
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

    /** The memory, when the group has one, and the conditions that are set. */
    static String conditions(GroupKey key) {
        return ((key.memoryMb() == null ? "" : key.memoryMb() + " MB ") + key.conditionsText()).strip();
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

    private static void functionSection(RunReport report, List<TrialSpread> spreads, String function,
            List<InvocationRow> rows, StringBuilder html) {
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
        openLoop(function, rows, html);
        idleTimeMap(function, rows, html);
        payloadSweep(function, rows, html);
        Svg trials = TrialSpreadHtml.chart(spreads, function);
        if (trials.hasSeries()) {
            figure(html, "trials", function, "Trials: each trial's median client time, 95 % CI of the median"
                    + " (n > 20)", trials);
        }
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

    /**
     * Median client and provider time against memory, one line each per mode (rows without a mode form their own
     * line), with Le Boudec's 95 % interval of the median as bars where a point has more than 20 invocations.
     */
    private static void memorySweep(String function, List<InvocationRow> rows, StringBuilder html) {
        if (rows.stream().map(InvocationRow::memoryMb).filter(Objects::nonNull).distinct().count() < 2) {
            return;
        }
        Svg sweep = new Svg("memory (MB)", "median latency (ms)");
        byMode(rows).forEach((mode, ofMode) -> {
            TreeMap<Double, List<InvocationRow>> byMemory = new TreeMap<>();
            ofMode.stream().filter(row -> row.memoryMb() != null).forEach(row -> byMemory
                    .computeIfAbsent(row.memoryMb().doubleValue(), key -> new ArrayList<>()).add(row));
            String suffix = mode == null ? "" : ", " + mode;
            // a mode (or the rows without one) measured at a single size is no sweep
            medianLine(sweep, "client" + suffix, byMemory, row -> row.clientTimeUs(), 2);
            medianLine(sweep, "provider" + suffix, byMemory, InvocationRow::providerExecutionUs, 2);
        });
        if (sweep.hasSeries()) {
            figure(html, "memory", function, "Memory sweep: median client and provider time, 95 % CI of the median"
                    + " (n > 20)", sweep);
        }
    }

    /** Median client and provider time against payload size (log scale), as SeBS's invocation-overhead plot. */
    private static void payloadSweep(String function, List<InvocationRow> rows, StringBuilder html) {
        TreeMap<Double, List<InvocationRow>> byPayload = new TreeMap<>();
        rows.stream().filter(row -> row.conditions().payloadBytes() != null && row.conditions().payloadBytes() > 0)
                .forEach(row -> byPayload.computeIfAbsent(row.conditions().payloadBytes() / 1024.0,
                        key -> new ArrayList<>()).add(row));
        if (byPayload.isEmpty()) {
            return;
        }
        Svg sweep = new Svg("payload (KB, log scale)", "median latency (ms)").logX();
        medianLine(sweep, "client", byPayload, row -> row.clientTimeUs(), 1);
        medianLine(sweep, "provider", byPayload, InvocationRow::providerExecutionUs, 1);
        figure(html, "payload", function, "Payload sweep: median client and provider time against payload size,"
                + " 95 % CI of the median (n > 20)", sweep);
    }

    /**
     * P(cold | idle t): the fraction of invocations after each idle time that were cold, with Wilson's 95 % score
     * interval as bars.
     */
    private static void idleTimeMap(String function, List<InvocationRow> rows, StringBuilder html) {
        TreeMap<Long, int[]> byIdle = new TreeMap<>();
        for (InvocationRow row : rows) {
            if (row.conditions().idleMs() != null) {
                int[] counts = byIdle.computeIfAbsent(row.conditions().idleMs(), key -> new int[2]);
                counts[0] += row.cold() ? 1 : 0;
                counts[1]++;
            }
        }
        if (byIdle.isEmpty()) {
            return;
        }
        double[] xs = new double[byIdle.size()];
        double[] ys = new double[xs.length];
        double[] lows = new double[xs.length];
        double[] highs = new double[xs.length];
        int i = 0;
        for (Map.Entry<Long, int[]> entry : byIdle.entrySet()) {
            int cold = entry.getValue()[0];
            int total = entry.getValue()[1];
            ConfidenceInterval wilson = Statistics.wilson(cold, total, ConfidenceLevel.NINETY_FIVE);
            xs[i] = entry.getKey() / 1000.0;
            ys[i] = cold / (double) total;
            lows[i] = wilson.lower();
            highs[i] = wilson.upper();
            i++;
        }
        boolean positive = byIdle.firstKey() > 0;
        Svg map = positive ? new Svg("idle time before the invocation (s, log scale)", "P(cold)").logX()
                : new Svg("idle time before the invocation (s)", "P(cold)");
        map.lineWithBars("P(cold | idle t), Wilson 95 %", xs, ys, lows, highs);
        figure(html, "idle-time", function, "Idle-time map: probability of a cold start after an idle time", map);
    }

    /**
     * For open-loop rows (with {@code scheduledAt}): latency measured from the scheduled start (the wait for a late
     * start included, so no coordinated omission) over the schedule, and invocations scheduled, started and completed
     * per second.
     */
    private static void openLoop(String function, List<InvocationRow> rows, StringBuilder html) {
        List<InvocationRow> scheduled = rows.stream().filter(row -> row.conditions().scheduledAt() != null)
                .sorted((a, b) -> a.conditions().scheduledAt().compareTo(b.conditions().scheduledAt())).toList();
        if (scheduled.isEmpty()) {
            return;
        }
        java.time.Instant origin = scheduled.get(0).conditions().scheduledAt();
        int stride = Math.max(1, (scheduled.size() + SCATTER_POINTS - 1) / SCATTER_POINTS);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        TreeMap<Long, int[]> perSecond = new TreeMap<>();
        for (int i = 0; i < scheduled.size(); i++) {
            InvocationRow row = scheduled.get(i);
            double at = Duration.between(origin, row.conditions().scheduledAt()).toNanos() / 1e9;
            double lagUs = Duration.between(row.conditions().scheduledAt(), row.startedAt()).toNanos() / 1e3;
            double started = Duration.between(origin, row.startedAt()).toNanos() / 1e9;
            double completed = started + row.clientTimeUs() / 1e6;
            perSecond.computeIfAbsent((long) Math.floor(at), key -> new int[3])[0]++;
            perSecond.computeIfAbsent((long) Math.floor(started), key -> new int[3])[1]++;
            perSecond.computeIfAbsent((long) Math.floor(completed), key -> new int[3])[2]++;
            if (i % stride == 0) {
                xs.add(at);
                ys.add((lagUs + row.clientTimeUs()) / 1000.0);
            }
        }
        Svg latency = new Svg("scheduled start (s since the first)", "latency from scheduled start (ms)");
        latency.points(stride == 1 ? "scheduled start to answer" : "scheduled start to answer (1 in " + stride
                + " shown)", array(xs), array(ys));
        figure(html, "open-loop-latency", function, "Open loop: latency from the scheduled start over the run",
                latency);

        long first = Math.min(perSecond.firstKey(), 0);
        long last = perSecond.lastKey();
        int width = (int) Math.max(1, (last - first + SCATTER_POINTS) / SCATTER_POINTS);
        int bins = (int) ((last - first) / width + 1);
        double[] seconds = new double[bins];
        double[][] counts = new double[3][bins];
        perSecond.forEach((second, count) -> {
            int bin = (int) ((second - first) / width);
            for (int k = 0; k < 3; k++) {
                counts[k][bin] += count[k] / (double) width;
            }
        });
        for (int b = 0; b < bins; b++) {
            seconds[b] = first + (long) b * width;
        }
        Svg throughput = new Svg("seconds since the first scheduled start", "invocations per second");
        throughput.line("scheduled", seconds, counts[0]);
        throughput.line("started", seconds, counts[1]);
        throughput.line("completed", seconds, counts[2]);
        figure(html, "open-loop-throughput", function, "Open loop: scheduled, started and completed per second",
                throughput);
    }

    /**
     * One line of medians per x, with Le Boudec's 95 % bars where a point has more than 20 values; left out when it
     * has fewer than {@code minimumPoints} points.
     */
    private static void medianLine(Svg svg, String name, TreeMap<Double, List<InvocationRow>> byX,
            Function<InvocationRow, Long> field, int minimumPoints) {
        List<Double> xs = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        List<Double> lows = new ArrayList<>();
        List<Double> highs = new ArrayList<>();
        byX.forEach((x, group) -> {
            long[] values = values(group, field);
            if (values.length == 0) {
                return;
            }
            Statistics statistics = Statistics.of(values);
            Optional<ConfidenceInterval> ci = statistics.medianInterval(ConfidenceLevel.NINETY_FIVE);
            xs.add(x);
            medians.add(statistics.median() / 1000);
            lows.add(ci.map(ConfidenceInterval::lower).orElse(statistics.median()) / 1000);
            highs.add(ci.map(ConfidenceInterval::upper).orElse(statistics.median()) / 1000);
        });
        if (xs.size() >= minimumPoints) {
            svg.lineWithBars(name, array(xs), array(medians), array(lows), array(highs));
        }
    }

    /** Rows by mode, modes in name order, rows without a mode first (under {@code null}). */
    private static Map<String, List<InvocationRow>> byMode(List<InvocationRow> rows) {
        Map<String, List<InvocationRow>> byMode = new TreeMap<>(java.util.Comparator.nullsFirst(
                java.util.Comparator.<String>naturalOrder()));
        rows.forEach(row -> byMode.computeIfAbsent(row.conditions().mode(), key -> new ArrayList<>()).add(row));
        return byMode;
    }

    private static void environmentSection(RunReport report, StringBuilder html) {
        html.append("<h2>Environment</h2><table class=\"environment\">");
        report.run().environment().forEach((key, value) -> html.append("<tr><th>").append(Html.escape(key))
                .append("</th><td>").append(Html.escape(value)).append("</td></tr>"));
        html.append("</table>");
        Calibration calibration = report.run().calibration();
        html.append("<h3>Self-calibration</h3>");
        if (calibration == null) {
            html.append("<p class=\"note\">Not measured in this run (openwhisk.calibration=false).</p>");
            return;
        }
        html.append("<table class=\"calibration\"><tr><th>no-op action, warm round trip, p50</th><td class=\"n\">")
                .append(Html.escape(micros(calibration.noOpActionP50Us()))).append("</td></tr>")
                .append("<tr><th>HTTP echo on 127.0.0.1, p50</th><td class=\"n\">")
                .append(Html.escape(micros(calibration.httpEchoP50Us()))).append("</td></tr>")
                .append("<tr><th>calls per figure</th><td class=\"n\">").append(calibration.n())
                .append("</td></tr><tr><th>how</th><td>").append(Html.escape(calibration.method()))
                .append("</td></tr></table><p class=\"note\">Measured once, at the start of the run: what an"
                        + " action that does nothing and a bare local HTTP request cost on this machine and target, the"
                        + " floor to read this run's figures against.</p>");
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

    private static String micros(Long value) {
        return value == null ? "not measured" : ms(value) + " ms";
    }

    private static String ms(double micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000);
    }
}
