package org.serverlessbench.openwhisk.client;

/**
 * Per-action limits. A null field is unset: on create the server uses its default, on update the old value stays.
 *
 * @param timeout     milliseconds
 * @param memory      megabytes
 * @param logs        megabytes of log output kept
 * @param concurrency activations one container may run at once
 */
public record ActionLimits(Integer timeout, Integer memory, Integer logs, Integer concurrency) {

    public static ActionLimits none() {
        return new ActionLimits(null, null, null, null);
    }

    public ActionLimits withTimeout(Integer millis) {
        return new ActionLimits(millis, memory, logs, concurrency);
    }

    public ActionLimits withMemory(Integer megabytes) {
        return new ActionLimits(timeout, megabytes, logs, concurrency);
    }

    public ActionLimits withLogs(Integer megabytes) {
        return new ActionLimits(timeout, memory, megabytes, concurrency);
    }

    public ActionLimits withConcurrency(Integer activations) {
        return new ActionLimits(timeout, memory, logs, activations);
    }
}
