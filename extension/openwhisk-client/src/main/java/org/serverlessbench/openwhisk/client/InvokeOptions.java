package org.serverlessbench.openwhisk.client;

import java.time.Duration;

/**
 * How to invoke an action.
 *
 * <p>The blocking flag is named {@code isBlocking} because a record accessor {@code blocking()} would clash with the
 * factory {@link #blocking()}.
 *
 * @param isBlocking wait for the activation to finish (the server waits at most {@code timeout}, 60 s by default)
 * @param result   ask only for the action's result instead of the whole activation record
 * @param timeout  how long a blocking invoke may wait, 1 ms to 60 s; null leaves the server's default
 */
public record InvokeOptions(boolean isBlocking, boolean result, Duration timeout) {

    public InvokeOptions {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("InvokeOptions timeout must be positive, was " + timeout);
        }
    }

    public static InvokeOptions blocking() {
        return new InvokeOptions(true, false, null);
    }

    public static InvokeOptions nonBlocking() {
        return new InvokeOptions(false, false, null);
    }

    public InvokeOptions withTimeout(Duration timeout) {
        return new InvokeOptions(isBlocking, result, timeout);
    }

    public InvokeOptions withResult(boolean result) {
        return new InvokeOptions(isBlocking, result, timeout);
    }
}
