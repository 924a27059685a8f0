package org.serverlessbench.openwhisk.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@link TrialSpread spread between trials} in {@code report.html}: a table under the summary and, per function,
 * a chart of each trial's median client time.
 */
final class TrialSpreadHtml {

    private TrialSpreadHtml() {}

    /** The table of every group with more than one trial; nothing when there is none. */
    static void section(List<TrialSpread> spreads, StringBuilder html) {
        if (spreads.isEmpty()) {
            return;
        }
        html.append("<h2>Spread between trials</h2><table class=\"trials\"><tr><th>test</th><th>function</th>"
                + "<th>memory, conditions</th><th>kind</th><th>trials</th><th>medians</th><th>median range</th>"
                + "<th>means</th><th>mean range</th><th>mean of means [95 % CI]</th><th>CV between trials</th>"
                + "<th>pooled mean [95 % CI], n</th></tr>");
        for (TrialSpread spread : spreads) {
            GroupKey key = spread.key();
            ConfidenceInterval ci = spread.meanOfMeansInterval(ConfidenceLevel.NINETY_FIVE);
            double cv = spread.betweenTrialCv();
            Statistics pooled = spread.pooled();
            html.append("<tr><td>").append(Html.escape(SummaryTable.displayName(key.test()))).append("</td><td>")
                    .append(Html.escape(key.function())).append("</td><td>")
                    .append(Html.escape(HtmlReportWriter.conditions(key))).append("</td><td>").append(key.kind())
                    .append("</td>");
            cell(html, Integer.toString(spread.trials().size()));
            cell(html, list(spread.medians()));
            cell(html, ms(spread.medianRange().width()));
            cell(html, list(spread.means()));
            cell(html, ms(spread.meanRange().width()));
            cell(html, ms(spread.meanOfMeans()) + " [" + ms(ci.lower()) + ", " + ms(ci.upper()) + "]");
            cell(html, Double.isNaN(cv) ? "–" : String.format(Locale.ROOT, "%.2f", cv));
            cell(html, ms(pooled.mean()) + " " + pooled.meanInterval(ConfidenceLevel.NINETY_FIVE)
                    .map(pooledCi -> "[" + ms(pooledCi.lower()) + ", " + ms(pooledCi.upper()) + "]").orElse("")
                    + ", " + pooled.count());
            html.append("</tr>");
        }
        html.append("</table><p class=\"note\">Client time, per trial in trial order. The mean of means weighs every"
                + " trial the same; its interval is Student's t over the trial means (n = trials), the CV is their"
                + " standard deviation over their mean. The pooled interval treats all invocations of all trials as"
                + " one sample (as JMH does with its forks) and is narrower, since it ignores how much the trials"
                + " differ.</p>");
    }

    /**
     * Each trial's median client time (ms) against its trial number, with Le Boudec's 95 % interval of the median as
     * bars where the trial has more than 20 invocations; one line per group of {@code function}.
     */
    static Svg chart(List<TrialSpread> spreads, String function) {
        Svg chart = new Svg("trial", "median client time (ms)");
        for (TrialSpread spread : spreads) {
            if (spread.key().function().equals(function)) {
                GroupKey key = spread.key();
                int n = spread.trials().size();
                double[] xs = new double[n];
                double[] medians = new double[n];
                double[] lows = new double[n];
                double[] highs = new double[n];
                for (int i = 0; i < n; i++) {
                    TrialSpread.Trial trial = spread.trials().get(i);
                    xs[i] = trial.trial();
                    medians[i] = trial.median() / 1000;
                    lows[i] = trial.medianCi95().map(ConfidenceInterval::lower).orElse(trial.median()) / 1000;
                    highs[i] = trial.medianCi95().map(ConfidenceInterval::upper).orElse(trial.median()) / 1000;
                }
                String method = key.test().substring(key.test().indexOf('#') + 1);
                chart.lineWithBars(String.join(" ", method, HtmlReportWriter.conditions(key), key.kind())
                        .replace("  ", " "), xs, medians, lows, highs);
            }
        }
        return chart;
    }

    private static void cell(StringBuilder html, String text) {
        html.append("<td class=\"n\">").append(Html.escape(text)).append("</td>");
    }

    private static String list(double[] micros) {
        return Arrays.stream(micros).mapToObj(TrialSpreadHtml::ms).collect(Collectors.joining(" "));
    }

    private static String ms(double micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000);
    }
}
