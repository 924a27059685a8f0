package org.serverlessbench.openwhisk.report;

import java.util.Arrays;
import java.util.Objects;

/**
 * Order statistics of a sample. Percentiles use the nearest-rank method: the p-th percentile is the smallest value
 * such that at least p % of the sample is less than or equal to it, so it is always a value that was measured.
 */
public final class Statistics {

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

    public long p95() {
        return percentile(95);
    }

    public long p99() {
        return percentile(99);
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
