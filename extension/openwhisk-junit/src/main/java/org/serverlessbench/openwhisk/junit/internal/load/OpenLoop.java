package org.serverlessbench.openwhisk.junit.internal.load;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a task at the moments of an {@link ArrivalSchedule}, each on one of a fixed number of callers, without
 * waiting for earlier runs: an open loop.
 *
 * <p>Deadlines are absolute ({@code start + offset} on {@link System#nanoTime()}), so lateness never accumulates.
 * Each caller takes the next arrival as soon as it is free and waits for its deadline (parked, then spinning for the
 * last {@value #SPIN_NANOS} ns); so a free caller is always waiting for the earliest arrival not yet taken, and no
 * thread hands work to another at the deadline. A caller that takes an arrival more than the grace after its
 * deadline was busy all that time, as were all others: the arrival is dropped and counted, not run late.
 */
public final class OpenLoop {

    /** How far ahead of a deadline a caller stops parking and spins. */
    static final long SPIN_NANOS = 100_000;
    /** The start of the schedule after every caller is running, so that the first arrivals are not late. */
    private static final long LEAD_IN_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** One run of the task. */
    public interface Task {
        /**
         * @param index          the arrival's index in the schedule
         * @param scheduledNanos the arrival's deadline on {@link System#nanoTime()}
         */
        void run(int index, long scheduledNanos) throws Throwable;
    }

    /**
     * What happened to the arrivals of one run.
     *
     * @param startNanos the start of the schedule on {@link System#nanoTime()}
     * @param lagNanos   per arrival, actual start minus deadline of a started one; -1 for one dropped or not reached
     * @param dropped    arrivals for which no caller was free within the grace
     */
    public record Outcome(long startNanos, long[] lagNanos, int started, int dropped, long firstStartNanos,
            long lastStartNanos) {

        /** Started runs per second between the first start and the last; 0 with fewer than two. */
        public double achievedRate() {
            long span = lastStartNanos - firstStartNanos;
            return started < 2 || span <= 0 ? 0 : (started - 1) * 1e9 / span;
        }

        /** The lags of the started arrivals, in microseconds. */
        public long[] startedLagsUs() {
            return Arrays.stream(lagNanos).filter(lag -> lag >= 0).map(lag -> lag / 1000).toArray();
        }
    }

    private OpenLoop() {}

    /**
     * Runs {@code task} once per arrival of {@code schedule} on at most {@code maxInFlight} callers and returns when
     * every run has returned. The first failure of a run stops the schedule (runs in progress complete) and is thrown;
     * an interrupt stops it, interrupts the runs in progress and throws {@link InterruptedException}.
     *
     * @param graceNanos how late a run may start for want of a free caller before its arrival is dropped
     */
    public static Outcome run(ArrivalSchedule schedule, int maxInFlight, long graceNanos, Task task)
            throws Throwable {
        int arrivals = schedule.size();
        long[] lags = new long[arrivals];
        Arrays.fill(lags, -1);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        long[] start = new long[1];
        Callers callers = new Callers(Math.max(1, Math.min(maxInFlight, arrivals)), "openwhisk-load", self -> {
            long base = start[0];
            while (!self.stopped()) {
                int index = next.getAndIncrement();
                if (index >= arrivals) {
                    return;
                }
                long deadline = base + schedule.offsetNanos(index);
                if (System.nanoTime() - deadline > graceNanos) {
                    dropped.incrementAndGet();
                    continue;
                }
                if (!waitUntil(deadline, self)) {
                    return;
                }
                lags[index] = System.nanoTime() - deadline;
                task.run(index, deadline);
            }
        });
        callers.start();
        // written before go(), read by the callers after it: the latch orders the two
        start[0] = System.nanoTime() + LEAD_IN_NANOS;
        callers.go();
        callers.await();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int started = 0;
        for (int i = 0; i < arrivals; i++) {
            if (lags[i] >= 0) {
                long at = start[0] + schedule.offsetNanos(i) + lags[i];
                first = Math.min(first, at);
                last = Math.max(last, at);
                started++;
            }
        }
        return new Outcome(start[0], lags, started, dropped.get(), started == 0 ? 0 : first,
                started == 0 ? 0 : last);
    }

    /** Waits for {@code deadline}; false when the callers were stopped meanwhile. */
    private static boolean waitUntil(long deadline, Callers callers) throws InterruptedException {
        while (true) {
            if (callers.stopped()) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
