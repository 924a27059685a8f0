package org.serverlessbench.openwhisk.junit.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Whether anything in a scope (a class or a method and everything below it) failed, for
 * {@code openwhisk.cleanup=on-success}. Aborted tests (failed assumptions) do not count as failures.
 */
final class FailureTracker {

    private final AtomicBoolean failed = new AtomicBoolean();

    static FailureTracker of(ExtensionContext context) {
        return context.getStore(OpenWhiskExtension.NAMESPACE).getOrComputeIfAbsent(
                "failures:" + context.getUniqueId(), key -> new FailureTracker(), FailureTracker.class);
    }

    /** Marks {@code context} and all its ancestors failed when it finished with an exception other than an abort. */
    static void noteOutcome(ExtensionContext context) {
        Throwable failure = context.getExecutionException().orElse(null);
        if (failure == null || failure instanceof TestAbortedException) {
            return;
        }
        for (ExtensionContext scope = context; scope != null; scope = scope.getParent().orElse(null)) {
            of(scope).failed.set(true);
        }
    }

    boolean failed() {
        return failed.get();
    }
}
