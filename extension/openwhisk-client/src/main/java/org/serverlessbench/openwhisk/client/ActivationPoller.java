package org.serverlessbench.openwhisk.client;

import java.time.Duration;
import java.util.function.Function;

/** Waits for an activation record to exist, polling with pauses that grow from 50 ms to 1 s. */
final class ActivationPoller {

    static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private final Function<String, Activation> fetch;

    /** @param fetch gets the record, throwing {@link OpenWhiskNotFoundException} while it does not exist yet */
    ActivationPoller(Function<String, Activation> fetch) {
        this.fetch = fetch;
    }

    Activation await(String activationId, Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("awaitActivation needs a timeout of zero or more, was " + timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_PAUSE;
        int polls = 0;
        while (true) {
            polls++;
            try {
                return fetch.apply(activationId);
            } catch (OpenWhiskNotFoundException notYet) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new OpenWhiskTimeoutException("Activation " + activationId + " did not finish within "
                            + timeout + " (" + polls + " polls of GET /activations/" + activationId
                            + "). It may still be running: wait longer, or check the action's time limit.",
                            activationId);
                }
                sleep(Math.min(pause.toNanos(), remaining), activationId);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(long nanos, String activationId) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenWhiskTimeoutException("Interrupted while waiting for activation " + activationId + ".",
                    activationId);
        }
    }
}
