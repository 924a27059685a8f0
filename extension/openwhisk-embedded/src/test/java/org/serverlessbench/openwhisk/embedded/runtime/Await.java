package org.serverlessbench.openwhisk.embedded.runtime;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition, polling every few milliseconds, and fails when it does not hold within the bound. */
final class Await {

    private Await() {
    }

    static void until(Duration bound, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + bound.toMillis() + " ms: " + what);
            }
            LockSupport.parkNanos(5_000_000);
        }
    }
}
