package org.serverlessbench.openwhisk.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The console lines of the {@link TrialSpread spread between trials}, under the summary table: per group, each
 * trial's median and mean client time, their ranges, the mean of the trial means with Student's t 95 % interval over
 * the trials and the between-trial coefficient of variation, in milliseconds. Nothing when no group has more than one
 * trial.
 */
final class TrialSpreadTable {

    private static final List<String> HEADER = List.of("test", "function", "conditions", "kind", "trials",
            "medians", "median range", "means", "mean range", "mean of means", "95% CI", "CV");
    private static final int CONDITIONS = 2;
    private static final int FIRST_NUMBER = 4;

    private TrialSpreadTable() {}

    /** @param memoryVaries whether the run has several memory sizes, so that the conditions name the memory */
    static String render(List<TrialSpread> spreads, boolean memoryVaries) {
        if (spreads.isEmpty()) {
            return "";
        }
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        for (TrialSpread spread : spreads) {
            GroupKey key = spread.key();
            ConfidenceInterval ci = spread.meanOfMeansInterval(ConfidenceLevel.NINETY_FIVE);
            double cv = spread.betweenTrialCv();
            lines.add(List.of(
                    SummaryTable.displayName(key.test()),
                    key.function(),
                    SummaryTable.conditions(key, memoryVaries),
                    key.kind(),
                    Integer.toString(spread.trials().size()),
                    list(spread.medians()),
                    ms(spread.medianRange().width()),
                    list(spread.means()),
                    ms(spread.meanRange().width()),
                    ms(spread.meanOfMeans()),
                    "[" + ms(ci.lower()) + ", " + ms(ci.upper()) + "]",
                    Double.isNaN(cv) ? "-" : String.format(Locale.ROOT, "%.2f", cv)));
        }
        return "Spread between trials, client time (each trial's median and mean; the 95% CI is Student's t over the"
                + " trial means, n = trials; CV = standard deviation of the trial means / their mean):"
                + System.lineSeparator() + TextTable.render(lines, FIRST_NUMBER, CONDITIONS);
    }

    private static String list(double[] micros) {
        return Arrays.stream(micros).mapToObj(TrialSpreadTable::ms).collect(Collectors.joining(" "));
    }

    private static String ms(double micros) {
        return String.format(Locale.ROOT, "%.2f", micros / 1000);
    }
}
