package org.serverlessbench.openwhisk.embedded.controller;

import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Answers blocking invokes without a waiting thread: the reply is sent from the activation's completion (on the
 * invoker's thread that completed it), or with its 202 by a ticking timer once the blocking wait is over.
 *
 * <p>The timer ticks instead of scheduling one task per invoke: a task that becomes the head of a delay queue wakes
 * the timer thread, which would put a thread switch on every invoke's path.
 */
final class BlockingWaits implements AutoCloseable {
    /** How late a 202 may be sent after the blocking wait ended. */
    static final long TICK_MILLIS = 5;

    private final Set<Waiting> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final Executor timeoutReplies;

    /** {@code timeoutReplies} builds and sends the 202s, so that a slow client cannot hold up the timer. */
    BlockingWaits(Executor timeoutReplies) {
        this.timeoutReplies = timeoutReplies;
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "openwhisk-controller-blocking-waits");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::expire, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        this.timer = scheduler;
    }

    /**
     * Calls {@code send} exactly once, with what builds the reply: {@link PendingReply#onRecord()} of the record,
     * {@link PendingReply#onTimeout()}, or a 500 when the invoker failed the activation.
     */
    void await(PendingReply pending, Consumer<Supplier<Reply>> send) {
        Waiting entry = new Waiting(System.nanoTime() + pending.blockingWait().toNanos(), pending, send);
        waiting.add(entry);
        pending.started().record().whenComplete((record, failure) -> {
            if (!entry.claim()) {
                return;
            }
            waiting.remove(entry);
            if (failure == null) {
                send.accept(() -> pending.onRecord().apply(record));
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                send.accept(() -> {
                    throw new ApiException(500, "The invoker failed activation "
                            + pending.started().activationId() + ": " + cause);
                });
            }
        });
    }

    private void expire() {
        long now = System.nanoTime();
        for (Waiting entry : waiting) {
            if (now - entry.deadlineNanos >= 0 && entry.claim()) {
                waiting.remove(entry);
                try {
                    timeoutReplies.execute(() -> entry.send.accept(entry.pending.onTimeout()));
                } catch (RejectedExecutionException e) {
                    // The controller is shutting down: its server has closed the connection already.
                }
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static final class Waiting {
        final long deadlineNanos;
        final PendingReply pending;
        final Consumer<Supplier<Reply>> send;
        private final AtomicBoolean answered = new AtomicBoolean();

        Waiting(long deadlineNanos, PendingReply pending, Consumer<Supplier<Reply>> send) {
            this.deadlineNanos = deadlineNanos;
            this.pending = pending;
            this.send = send;
        }

        boolean claim() {
            return answered.compareAndSet(false, true);
        }
    }
}
