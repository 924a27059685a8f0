package org.serverlessbench.openwhisk.embedded.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import org.serverlessbench.openwhisk.embedded.internal.DeadlineTicker;

/**
 * Cancels calls to runtime processes that pass their deadline, from the {@link DeadlineTicker} (up to one tick late).
 * OkHttp's own per-call timeout wakes its watchdog thread on every call, which costs a thread switch on each
 * {@code /run}; watching a set of deadlines costs none.
 */
final class CallDeadlines implements AutoCloseable {
    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
    private final DeadlineTicker.Registration ticking = DeadlineTicker.register(this::cancelExpired);

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
        ticking.close();
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
