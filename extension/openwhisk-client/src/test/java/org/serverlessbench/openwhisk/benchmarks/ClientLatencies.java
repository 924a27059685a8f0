package org.serverlessbench.openwhisk.benchmarks;

import java.util.Arrays;

/** Per-call latencies in nanoseconds, recorded into a preallocated array. */
final class ClientLatencies {

    private final long[] nanos;
    private int count;

    ClientLatencies(int capacity) {
        nanos = new long[capacity];
    }

    void record(long elapsedNanos) {
        nanos[count++] = elapsedNanos;
    }

    /** The q-quantile (0 < q <= 1) in microseconds, nearest rank. */
    double percentileMicros(double q) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.max(0, rank - 1)] / 1_000.0;
    }

    double meanMicros() {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += nanos[i];
        }
        return count == 0 ? 0 : sum / 1_000.0 / count;
    }

    int count() {
        return count;
    }
}
