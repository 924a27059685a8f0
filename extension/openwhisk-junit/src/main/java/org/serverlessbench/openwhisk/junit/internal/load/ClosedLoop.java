package org.serverlessbench.openwhisk.junit.internal.load;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a task back to back on a fixed number of callers, each starting its next run when its last one returned:
 * a closed loop, for a number of runs in all or for a duration.
 */
public final class ClosedLoop {

    /** One run of the task. */
    public interface Task {
        /** @param index the run's number, from 0, in the order the runs were started */
        void run(int index) throws Throwable;
    }

    private ClosedLoop() {}

    /**
     * Runs {@code task} on {@code callers} callers until {@code runs} runs were started (when positive) or
     * {@code durationNanos} passed, and returns the number of runs started once every run has returned. The first
     * failure stops the callers (runs in progress complete) and is thrown; an interrupt stops them, interrupts the
     * runs in progress and throws {@link InterruptedException}.
     */
    public static int run(int callers, int runs, long durationNanos, Task task) throws Throwable {
        AtomicInteger next = new AtomicInteger();
        long[] end = new long[1];
        Callers threads = new Callers(callers, "openwhisk-concurrency", self -> {
            while (!self.stopped() && !Thread.currentThread().isInterrupted()) {
                if (runs <= 0 && System.nanoTime() - end[0] >= 0) {
                    return;
                }
                int index = next.getAndIncrement();
                if (runs > 0 && index >= runs) {
                    return;
                }
                task.run(index);
            }
        });
        threads.start();
        // written before go(), read by the callers after it: the latch orders the two
        end[0] = System.nanoTime() + durationNanos;
        threads.go();
        threads.await();
        return Math.min(next.get(), runs > 0 ? runs : Integer.MAX_VALUE);
    }
}
