package org.serverlessbench.openwhisk.embedded.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.serverlessbench.openwhisk.embedded.internal.DeadlineTicker;

/**
 * Cancels calls to runtime processes that pass their deadline, from the {@link DeadlineTicker} (up to one tick late).
 * A per-call timer would wake a watchdog thread on every call, a thread switch on each {@code /run}; watching a set of
 * deadlines costs none.
 */
final class CallDeadlines implements AutoCloseable {
    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
    private final DeadlineTicker.Registration ticking = DeadlineTicker.register(this::cancelExpired);

    /** Watches a call until the returned watch is closed; {@code cancel} runs at {@code deadlineNanos}. */
    Watch watch(Runnable cancel, long deadlineNanos) {
        Watch watch = new Watch(cancel, deadlineNanos);
        watched.add(watch);
        return watch;
    }

    private void cancelExpired() {
        long now = System.nanoTime();
        for (Watch watch : watched) {
            if (now - watch.deadlineNanos >= 0) {
                watch.expired = true;
                watched.remove(watch);
                watch.cancel.run();
            }
        }
    }

    @Override
    public void close() {
        ticking.close();
    }

    /** One watched call; {@link #expired()} tells a cancellation for its deadline from another failure. */
    final class Watch implements AutoCloseable {
        private final Runnable cancel;
        private final long deadlineNanos;
        private volatile boolean expired;

        private Watch(Runnable cancel, long deadlineNanos) {
            this.cancel = cancel;
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
