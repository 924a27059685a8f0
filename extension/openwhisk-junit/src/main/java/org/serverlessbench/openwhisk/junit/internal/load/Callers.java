package org.serverlessbench.openwhisk.junit.internal.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of caller threads (daemons) running one loop each, stopped together: by the first failure of a run,
 * or by an interrupt of the thread waiting for them. The waiting thread gets the first failure back, with later
 * ones attached as suppressed (at most {@value #MAX_SUPPRESSED}).
 */
final class Callers {

    private static final int MAX_SUPPRESSED = 10;
    /** How long an interrupted wait gives the callers to return after interrupting them. */
    private static final long STOP_WAIT_SECONDS = 30;

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch ready;
    private final CountDownLatch go = new CountDownLatch(1);
    private volatile boolean stopped;

    interface Loop {
        /** Runs the caller's loop; returns when it is done or {@link Callers#stopped()}. */
        void run(Callers callers) throws Throwable;
    }

    Callers(int count, String name, Loop loop) {
        ready = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    loop.run(this);
                } catch (InterruptedException e) {
                    stop();
                } catch (Throwable t) {
                    fail(t);
                }
            }, name + "-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    /** Starts every caller and waits until all of them run, so that a schedule can begin without their start-up. */
    void start() throws InterruptedException {
        threads.forEach(Thread::start);
        try {
            ready.await();
        } catch (InterruptedException e) {
            stop();
            go.countDown();
            throw e;
        }
    }

    /** Lets the callers' loops begin. */
    void go() {
        go.countDown();
    }

    /** Whether the callers should stop starting runs. */
    boolean stopped() {
        return stopped;
    }

    /** Records {@code t} as a failure of a run and stops the callers. */
    void fail(Throwable t) {
        if (!failure.compareAndSet(null, t)) {
            Throwable first = failure.get();
            synchronized (first) {
                if (first != t && first.getSuppressed().length < MAX_SUPPRESSED) {
                    first.addSuppressed(t);
                }
            }
        }
        stop();
    }

    /** Stops the callers: none starts another run; those waiting for their next start wake up. */
    void stop() {
        stopped = true;
        threads.forEach(LockSupport::unpark);
    }

    /**
     * Waits until every caller returned. If this thread is interrupted meanwhile, stops and interrupts the callers,
     * waits for them a while and throws {@link InterruptedException}.
     *
     * @throws Throwable the first failure of a run
     */
    void await() throws Throwable {
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            stop();
            threads.forEach(Thread::interrupt);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
            for (Thread thread : threads) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(thread, left);
                }
            }
            throw e;
        }
        Throwable first = failure.get();
        if (first != null) {
            throw first;
        }
    }
}
