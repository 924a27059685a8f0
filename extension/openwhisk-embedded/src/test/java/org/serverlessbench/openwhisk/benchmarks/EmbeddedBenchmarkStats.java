package org.serverlessbench.openwhisk.benchmarks;

import java.util.Arrays;

/** Percentiles of a series of latencies in nanoseconds, printed in milliseconds. */
record EmbeddedBenchmarkStats(int count, double p50Ms, double p90Ms, double p99Ms, double meanMs, double maxMs) {

    static EmbeddedBenchmarkStats of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new EmbeddedBenchmarkStats(sorted.length, ms(percentile(sorted, 50)), ms(percentile(sorted, 90)),
                ms(percentile(sorted, 99)), ms(sum / sorted.length), ms(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile. */
    private static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(double nanos) {
        return nanos / 1_000_000.0;
    }

    String summary() {
        return String.format("n=%d p50=%.3f ms p90=%.3f ms p99=%.3f ms mean=%.3f ms max=%.3f ms",
                count, p50Ms, p90Ms, p99Ms, meanMs, maxMs);
    }
}
