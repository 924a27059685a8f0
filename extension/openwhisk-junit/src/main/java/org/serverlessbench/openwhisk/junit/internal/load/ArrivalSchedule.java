package org.serverlessbench.openwhisk.junit.internal.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

/** The arrival offsets of an open-loop run, in nanoseconds from its start, in non-decreasing order. */
public final class ArrivalSchedule {

    /** The most arrivals one schedule may hold (8 bytes each, plus 8 for the measured start of each). */
    public static final int MAX_ARRIVALS = 10_000_000;

    private final long[] offsetsNanos;

    private ArrivalSchedule(long[] offsetsNanos) {
        this.offsetsNanos = offsetsNanos;
    }

    /** Arrivals at {@code rate} per second with equal gaps, the first at 0, all before {@code duration}. */
    public static ArrivalSchedule fixed(double rate, Duration duration) {
        long end = duration.toNanos();
        double gap = 1e9 / rate;
        int count = checkedCount(Math.ceil(end / gap));
        long[] offsets = new long[count];
        int size = 0;
        for (int i = 0; i < count; i++) {
            long offset = Math.round(i * gap);
            if (offset < end) {
                offsets[size++] = offset;
            }
        }
        return new ArrivalSchedule(Arrays.copyOf(offsets, size));
    }

    /**
     * Arrivals of a Poisson process of {@code rate} per second before {@code duration}: gaps drawn from the
     * exponential distribution with mean 1/rate by a {@link SplittableRandom} seeded with {@code seed}.
     */
    public static ArrivalSchedule poisson(double rate, Duration duration, long seed) {
        long end = duration.toNanos();
        checkedCount(rate * end / 1e9 * 1.1);
        SplittableRandom random = new SplittableRandom(seed);
        long[] offsets = new long[Math.max(16, (int) (rate * end / 1e9 * 1.1))];
        int size = 0;
        double time = 0;
        while (true) {
            // 1 - u lies in (0, 1], so the logarithm is finite
            time += -Math.log(1 - random.nextDouble()) * 1e9 / rate;
            if (time >= end) {
                break;
            }
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, checkedCount(offsets.length * 1.5));
            }
            offsets[size++] = Math.round(time);
        }
        return new ArrivalSchedule(Arrays.copyOf(offsets, size));
    }

    /**
     * The offsets of a trace file: one per line in milliseconds from the start (decimals allowed, e.g.
     * {@code 12.5}), non-decreasing; blank lines and lines starting with {@code #} are skipped.
     *
     * @throws IllegalArgumentException naming the file and line of the first problem
     */
    public static ArrivalSchedule trace(Path file) {
        long[] offsets = new long[1024];
        int size = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            long previous = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                long offset;
                try {
                    double millis = Double.parseDouble(text);
                    if (!(millis >= 0) || millis > Duration.ofDays(1).toMillis()) {
                        throw new NumberFormatException();
                    }
                    offset = Math.round(millis * 1e6);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + number + ": \"" + text + "\" is not an"
                            + " offset in milliseconds from 0 to 86400000 (one per line, e.g. 12.5)");
                }
                if (offset < previous) {
                    throw new IllegalArgumentException(file + " line " + number + ": " + text + " ms comes before"
                            + " the previous arrival; offsets must not decrease");
                }
                previous = offset;
                if (size == offsets.length) {
                    offsets = Arrays.copyOf(offsets, checkedCount(offsets.length * 2.0));
                }
                offsets[size++] = offset;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e, e);
        }
        if (size == 0) {
            throw new IllegalArgumentException(file + " has no arrivals; write one offset in milliseconds per line");
        }
        return new ArrivalSchedule(Arrays.copyOf(offsets, size));
    }

    private static int checkedCount(double count) {
        if (count > MAX_ARRIVALS) {
            throw new IllegalArgumentException("the schedule would have more than " + MAX_ARRIVALS + " arrivals");
        }
        return (int) count;
    }

    /** The number of arrivals. */
    public int size() {
        return offsetsNanos.length;
    }

    /** The offset of arrival {@code index} from the start, in nanoseconds. */
    public long offsetNanos(int index) {
        return offsetsNanos[index];
    }

    /** Arrivals per second between the first and the last; 0 with fewer than two or all at once. */
    public double rate() {
        int n = offsetsNanos.length;
        long span = n < 2 ? 0 : offsetsNanos[n - 1] - offsetsNanos[0];
        return span == 0 ? 0 : (n - 1) * 1e9 / span;
    }
}
