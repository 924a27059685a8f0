package org.serverlessbench.openwhisk.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The spread of client time between the independent trials ({@code @Trials}, fresh containers each) of one group
 * across trials: test × function × memory × the other conditions × cold or warm, with more than one trial. Each trial
 * is reduced to its median and mean; the trials' means are then the sample, n = the number of trials, for the mean of
 * the means with Student's t interval and for the between-trial coefficient of variation. {@link #pooled()} keeps the
 * alternative, all the trials' values as one sample (how JMH reports its forks), for comparison.
 *
 * @param key    the group with {@code trial} not set
 * @param trials the trials' figures, by trial number
 * @param pooled the client times of all trials together
 */
record TrialSpread(GroupKey key, List<Trial> trials, Statistics pooled) {

    /**
     * One trial's client time: its measured count, median and mean (µs), and Le Boudec's 95 % interval of its
     * median (empty up to 20 invocations).
     */
    record Trial(int trial, int count, double median, double mean, Optional<ConfidenceInterval> medianCi95) {}

    TrialSpread {
        trials = List.copyOf(trials);
    }

    /**
     * The spread of every group that has more than one trial, in the order of {@code summaries} (the first trial of
     * a group places it).
     */
    static List<TrialSpread> of(List<TestSummary> summaries) {
        Map<GroupKey, List<TestSummary>> byGroup = new LinkedHashMap<>();
        for (TestSummary summary : summaries) {
            if (summary.key().trial() != null && !summary.clientTimeUs().isEmpty()) {
                byGroup.computeIfAbsent(summary.key().acrossTrials(), key -> new ArrayList<>()).add(summary);
            }
        }
        List<TrialSpread> spreads = new ArrayList<>();
        byGroup.forEach((key, ofTrials) -> {
            if (ofTrials.size() > 1) {
                List<Trial> trials = ofTrials.stream()
                        .sorted((a, b) -> Integer.compare(a.key().trial(), b.key().trial()))
                        .map(summary -> new Trial(summary.key().trial(), summary.count(),
                                summary.clientTimeUs().median(), summary.clientTimeUs().mean(),
                                summary.clientTimeUs().medianInterval(ConfidenceLevel.NINETY_FIVE)))
                        .toList();
                spreads.add(new TrialSpread(key, trials, Statistics.pooled(
                        ofTrials.stream().map(TestSummary::clientTimeUs).toList())));
            }
        });
        return spreads;
    }

    double[] medians() {
        return trials.stream().mapToDouble(Trial::median).toArray();
    }

    double[] means() {
        return trials.stream().mapToDouble(Trial::mean).toArray();
    }

    /** The mean of the trials' means (each trial weighs the same, whatever its count). */
    double meanOfMeans() {
        return trials.stream().mapToDouble(Trial::mean).average().orElseThrow();
    }

    /** The sample standard deviation (n - 1) of the trials' means. */
    double standardDeviationOfMeans() {
        return Statistics.standardDeviation(means());
    }

    /** Student's t interval of the mean of the trials' means, n = the number of trials. */
    ConfidenceInterval meanOfMeansInterval(ConfidenceLevel level) {
        return Statistics.studentT(meanOfMeans(), standardDeviationOfMeans(), trials.size(), level);
    }

    /** The between-trial coefficient of variation: the standard deviation of the trials' means over their mean. */
    double betweenTrialCv() {
        double mean = meanOfMeans();
        return mean == 0 ? Double.NaN : standardDeviationOfMeans() / mean;
    }

    /** The lowest and highest of the trials' medians. */
    Range medianRange() {
        return Range.of(medians());
    }

    /** The lowest and highest of the trials' means. */
    Range meanRange() {
        return Range.of(means());
    }

    /** The lowest and highest of some values; {@link #width()} is the range. */
    record Range(double min, double max) {

        static Range of(double[] values) {
            return new Range(Arrays.stream(values).min().orElseThrow(), Arrays.stream(values).max().orElseThrow());
        }

        double width() {
            return max - min;
        }
    }
}
