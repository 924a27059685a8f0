package org.serverlessbench.openwhisk.report;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Descriptive statistics of a sample, as SeBS's {@code statistics.py} computes them, with two deliberate differences
 * (see {@code docs/statistics.md}): the standard deviation is the sample one (divisor n - 1), and Le Boudec's interval
 * for the median uses his 1-based order statistics.
 *
 * <p>Percentiles use the nearest-rank method: the p-th percentile is the smallest value such that at least p % of
 * the sample is less than or equal to it, so it is always a value that was measured. The {@link #median()} is the
 * usual one (the mean of the two middle values for an even count).
 */
public final class Statistics {

    /** The smallest count for which {@link #medianInterval} gives an interval. */
    public static final int MIN_COUNT_FOR_MEDIAN_INTERVAL = 21;

    private final long[] sorted;

    private Statistics(long[] sorted) {
        this.sorted = sorted;
    }

    /** The statistics of {@code values} (copied; the array is not changed). */
    public static Statistics of(long[] values) {
        Objects.requireNonNull(values, "values");
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Statistics(sorted);
    }

    /** The statistics of all values of {@code parts} together, as one sample. */
    static Statistics pooled(List<Statistics> parts) {
        return of(parts.stream().flatMapToLong(part -> Arrays.stream(part.sorted)).toArray());
    }

    public int count() {
        return sorted.length;
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /**
     * The nearest-rank {@code percent}-th percentile: the value at rank {@code ceil(percent / 100 * n)}.
     *
     * @param percent in (0, 100]
     * @throws IllegalStateException when there are no values
     */
    public long percentile(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
        }
        requireValues("percentile " + percent);
        // percent * n first: exact for whole percentages, so 95 % of 20 is rank 19, not 20
        int rank = (int) Math.ceil(percent * sorted.length / 100.0);
        return sorted[Math.max(rank, 1) - 1];
    }

    public long p50() {
        return percentile(50);
    }

    public long p90() {
        return percentile(90);
    }

    public long p95() {
        return percentile(95);
    }

    public long p99() {
        return percentile(99);
    }

    public long p999() {
        return percentile(99.9);
    }

    public double median() {
        requireValues("median");
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + (double) sorted[middle]) / 2;
    }

    /** The sample standard deviation (divisor n - 1); 0 for a single value. */
    public double standardDeviation() {
        requireValues("standard deviation");
        return standardDeviation(Arrays.stream(sorted).asDoubleStream().toArray());
    }

    /** The sample standard deviation (divisor n - 1) of {@code values}; 0 for a single value. */
    static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(values).sum() / values.length;
        double squares = 0;
        for (double value : values) {
            double deviation = value - mean;
            squares += deviation * deviation;
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    /** Standard deviation over mean; NaN for a mean of 0. */
    public double coefficientOfVariation() {
        double mean = mean();
        return mean == 0 ? Double.NaN : standardDeviation() / mean;
    }

    /**
     * Student's t interval of the mean, {@code mean ± t(1 - a/2, n - 1) * s / sqrt(n)}; empty below two values.
     */
    public Optional<ConfidenceInterval> meanInterval(ConfidenceLevel level) {
        return sorted.length < 2 ? Optional.empty()
                : Optional.of(studentT(mean(), standardDeviation(), sorted.length, level));
    }

    /**
     * Student's t interval {@code mean ± t(1 - a/2, n - 1) * sd / sqrt(n)} of a mean over {@code n} at least 2
     * observations with sample standard deviation {@code sd}.
     */
    static ConfidenceInterval studentT(double mean, double sd, int n, ConfidenceLevel level) {
        double quantile = TDistribution.of(n - 1.0).inverseCumulativeProbability(1 - (1 - level.level()) / 2);
        double halfWidth = quantile * sd / Math.sqrt(n);
        return new ConfidenceInterval(mean - halfWidth, mean + halfWidth, level);
    }

    /**
     * Le Boudec's distribution-free interval of the median: {@code [X(j), X(k)]} over the 1-based order statistics,
     * {@code j = floor(n/2 - c * sqrt(n))}, {@code k = ceil(n/2 + 1 + c * sqrt(n))}, with c = 0.98 at 95 % and
     * 1.288 at 99 %. Empty when n is at most 20, where the sample is too small for it.
     */
    public Optional<ConfidenceInterval> medianInterval(ConfidenceLevel level) {
        int n = sorted.length;
        if (n < MIN_COUNT_FOR_MEDIAN_INTERVAL) {
            return Optional.empty();
        }
        double spread = level.halfNormalQuantile() * Math.sqrt(n);
        int j = (int) Math.floor(0.5 * n - spread);
        int k = (int) Math.ceil(0.5 * n + 1 + spread);
        return Optional.of(new ConfidenceInterval(orderStatistic(j), orderStatistic(k), level));
    }

    /**
     * Wilson's score interval of a proportion: {@code successes} out of {@code trials}, for example the cold
     * invocations among those made after an idle time. With p = successes / trials and z the two-sided normal
     * quantile of {@code level}, the interval is {@code (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)};
     * unlike
     * the normal approximation it stays inside [0, 1] and is not empty for 0 or n successes.
     *
     * @throws IllegalArgumentException when trials is not positive or successes is not in [0, trials]
     */
    public static ConfidenceInterval wilson(int successes, int trials, ConfidenceLevel level) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("Need 0 <= successes <= trials and trials > 0, was " + successes
                    + " of " + trials);
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level.level()) / 2);
        double n = trials;
        double p = successes / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / denominator;
        double halfWidth = z / denominator * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        double lower = successes == 0 ? 0 : Math.max(0, centre - halfWidth);
        double upper = successes == trials ? 1 : Math.min(1, centre + halfWidth);
        return new ConfidenceInterval(lower, upper, level);
    }

    /** The i-th smallest value, 1-based. */
    private long orderStatistic(int i) {
        return sorted[Math.min(Math.max(i, 1), sorted.length) - 1];
    }

    public long min() {
        requireValues("min");
        return sorted[0];
    }

    public long max() {
        requireValues("max");
        return sorted[sorted.length - 1];
    }

    public double mean() {
        requireValues("mean");
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return sum / sorted.length;
    }

    private void requireValues(String what) {
        if (sorted.length == 0) {
            throw new IllegalStateException("No values to compute the " + what + " of");
        }
    }

    @Override
    public String toString() {
        return isEmpty()
                ? "Statistics[n=0]"
                : "Statistics[n=" + count() + ", p50=" + p50() + ", p95=" + p95() + ", p99=" + p99()
                        + ", max=" + max() + "]";
    }
}
