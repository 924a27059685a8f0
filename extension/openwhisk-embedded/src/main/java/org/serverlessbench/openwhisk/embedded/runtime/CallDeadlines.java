package org.serverlessbench.openwhisk.embedded.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * Cancels calls to runtime processes that pass their deadline, from one thread ticking every {@link #TICK_MILLIS}.
 * OkHttp's own per-call timeout wakes its watchdog thread on every call, which costs a thread switch on each
 * {@code /run}; watching a set of deadlines costs none.
 */
final class CallDeadlines implements AutoCloseable {
    /** How late past its deadline a call may be cancelled. */
    static final long TICK_MILLIS = 5;

    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;

    CallDeadlines() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "openwhisk-runtime-call-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::cancelExpired, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        this.ticker = scheduler;
    }

    /** Watches {@code call} until the returned watch is closed; it is cancelled at {@code deadlineNanos}. */
    Watch watch(Call call, long deadlineNanos) {
        Watch watch = new Watch(call, deadlineNanos);
        watched.add(watch);
        return watch;
    }

    private void cancelExpired() {
        long now = System.nanoTime();
        for (Watch watch : watched) {
            if (now - watch.deadlineNanos >= 0) {
                watch.expired = true;
                watched.remove(watch);
                watch.call.cancel();
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** One watched call; {@link #expired()} tells a cancellation for its deadline from another failure. */
    final class Watch implements AutoCloseable {
        private final Call call;
        private final long deadlineNanos;
        private volatile boolean expired;

        private Watch(Call call, long deadlineNanos) {
            this.call = call;
            this.deadlineNanos = deadlineNanos;
        }

        boolean expired() {
            return expired;
        }

        @Override
        public void close() {
            watched.remove(this);
        }
    }
}
