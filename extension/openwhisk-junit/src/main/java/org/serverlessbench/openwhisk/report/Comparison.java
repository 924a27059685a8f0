package org.serverlessbench.openwhisk.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * One group of a run compared with the same group of a baseline run: the ratio of medians (current / baseline) as
 * the effect size, and a two-sided Mann-Whitney U test of whether the two samples come from the same distribution.
 * The verdict is {@link Verdict#REGRESSED} or {@link Verdict#IMPROVED} only when the difference is significant
 * (p below {@link #SIGNIFICANCE}) and the medians differ by more than the given ratio; otherwise
 * {@link Verdict#UNCHANGED}. Samples of fewer than {@link #MIN_COUNT} values are never labelled.
 */
public record Comparison(int baselineCount, int currentCount, double baselineMedian, double currentMedian,
        double ratio, double pValue, Verdict verdict) {

    /** The significance level of the test. */
    public static final double SIGNIFICANCE = 0.01;

    /** The smallest sample, on either side, that a verdict is given for. */
    public static final int MIN_COUNT = 5;

    public enum Verdict {
        IMPROVED, UNCHANGED, REGRESSED, TOO_FEW_SAMPLES;

        /** {@code improved}, {@code unchanged}, {@code regressed} or {@code too few samples}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public Comparison {
        Objects.requireNonNull(verdict, "verdict");
    }

    /**
     * Compares {@code current} with {@code baseline}; a difference counts when the medians differ by more than
     * {@code minimumChange} (0.10 for 10 %) and the test is significant.
     */
    public static Comparison of(long[] baseline, long[] current, double minimumChange) {
        if (!(minimumChange >= 0)) {
            throw new IllegalArgumentException("minimumChange must be at least 0, was " + minimumChange);
        }
        if (baseline.length == 0 || current.length == 0) {
            return new Comparison(baseline.length, current.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Verdict.TOO_FEW_SAMPLES);
        }
        double baselineMedian = Statistics.of(baseline).median();
        double currentMedian = Statistics.of(current).median();
        double ratio = baselineMedian == 0 ? Double.POSITIVE_INFINITY : currentMedian / baselineMedian;
        if (baseline.length < MIN_COUNT || current.length < MIN_COUNT) {
            return new Comparison(baseline.length, current.length, baselineMedian, currentMedian, ratio, Double.NaN,
                    Verdict.TOO_FEW_SAMPLES);
        }
        double pValue = MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED)
                .test(doubles(current), doubles(baseline)).getPValue();
        Verdict verdict = Verdict.UNCHANGED;
        if (pValue < SIGNIFICANCE && ratio > 1 + minimumChange) {
            verdict = Verdict.REGRESSED;
        } else if (pValue < SIGNIFICANCE && ratio < 1 - minimumChange) {
            verdict = Verdict.IMPROVED;
        }
        return new Comparison(baseline.length, current.length, baselineMedian, currentMedian, ratio, pValue,
                verdict);
    }

    private static double[] doubles(long[] values) {
        return Arrays.stream(values).asDoubleStream().toArray();
    }

    /** For example {@code regressed: median 2.01x the baseline (20.1 ms vs 10.0 ms, p = 1.2e-09, n = 30/30)}. */
    public String describe() {
        if (verdict == Verdict.TOO_FEW_SAMPLES) {
            return String.format(Locale.ROOT, "too few samples to compare (n = %d/%d, at least %d each needed)",
                    currentCount, baselineCount, MIN_COUNT);
        }
        return String.format(Locale.ROOT, "%s: median %.2fx the baseline (%.2f ms vs %.2f ms, Mann-Whitney p = %.2g,"
                + " n = %d/%d)", verdict.label(), ratio, currentMedian / 1000, baselineMedian / 1000, pValue,
                currentCount, baselineCount);
    }
}
