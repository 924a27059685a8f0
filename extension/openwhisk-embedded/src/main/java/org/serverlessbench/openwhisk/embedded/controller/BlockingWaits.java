package org.serverlessbench.openwhisk.embedded.controller;

import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.serverlessbench.openwhisk.embedded.internal.DeadlineTicker;

/**
 * Answers blocking invokes without a waiting thread: the reply is sent from the activation's completion (on the
 * invoker's thread that completed it), or with its 202 by the {@link DeadlineTicker} once the blocking wait is over
 * (up to one tick late).
 */
final class BlockingWaits implements AutoCloseable {
    private final Set<Waiting> waiting = ConcurrentHashMap.newKeySet();
    private final Executor timeoutReplies;
    private final DeadlineTicker.Registration ticking;

    /** {@code timeoutReplies} builds and sends the 202s, so that a slow client cannot hold up the ticker. */
    BlockingWaits(Executor timeoutReplies) {
        this.timeoutReplies = timeoutReplies;
        this.ticking = DeadlineTicker.register(this::expire);
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
        ticking.close();
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
