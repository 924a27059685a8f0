package org.serverlessbench.openwhisk.embedded.controller;

import java.time.Duration;
import java.util.Objects;

/**
 * What the controller enforces.
 *
 * @param auth             the one accepted key, {@code uuid:secret}
 * @param namespace        the one namespace, such as {@code guest}
 * @param minMemoryMb      smallest accepted {@code limits.memory}
 * @param maxMemoryMb      largest accepted {@code limits.memory}
 * @param maxBlockingWait  how long blocking and web invokes wait before answering 202 (OpenWhisk: 60 s)
 */
public record ControllerConfig(String auth, String namespace, int minMemoryMb, int maxMemoryMb,
        Duration maxBlockingWait) {

    public static final int MIN_TIMEOUT_MS = 100;
    public static final int MAX_TIMEOUT_MS = 300_000;
    public static final int DEFAULT_TIMEOUT_MS = 60_000;
    public static final int DEFAULT_MEMORY_MB = 256;
    public static final int MIN_LOGS_MB = 0;
    public static final int MAX_LOGS_MB = 10;
    public static final int DEFAULT_LOGS_MB = 10;
    public static final int MIN_CONCURRENCY = 1;
    /**
     * {@code concurrency-limit.max}: OpenWhisk's default is 1; the embedded OpenWhisk is set up as a deployment with
     * intra-container concurrency enabled, so a nodejs action may take up to this many activations per container.
     */
    public static final int MAX_CONCURRENCY = 500;
    /** {@code activation.payload.max}: invoke and web action bodies. */
    public static final long MAX_PAYLOAD_BYTES = 1024 * 1024;
    /** {@code exec-size-limit} (48 MB) plus room for parameters and annotations in one action PUT. */
    public static final long MAX_ACTION_PUT_BYTES = 48L * 1024 * 1024 + 2 * MAX_PAYLOAD_BYTES;
    public static final long MAX_CODE_BYTES = 48L * 1024 * 1024;
    /** {@code limits.actions.sequence.maxLength}: atomic actions in one sequence, nested ones counted. */
    public static final int MAX_SEQUENCE_LENGTH = 50;
    /** What the limits API reports for the throttles the embedded OpenWhisk does not have. */
    public static final int NOT_THROTTLED = Integer.MAX_VALUE;

    public ControllerConfig {
        Objects.requireNonNull(auth, "auth == null");
        Objects.requireNonNull(namespace, "namespace == null");
        Objects.requireNonNull(maxBlockingWait, "maxBlockingWait == null");
        if (auth.indexOf(':') <= 0) {
            throw new IllegalArgumentException("auth must be 'uuid:secret', got a value without ':'");
        }
        if (minMemoryMb <= 0 || maxMemoryMb < minMemoryMb) {
            throw new IllegalArgumentException(
                    "action memory range " + minMemoryMb + ".." + maxMemoryMb + " MB is empty or not positive");
        }
        if (maxBlockingWait.isNegative() || maxBlockingWait.isZero()) {
            throw new IllegalArgumentException("maxBlockingWait must be positive, got " + maxBlockingWait);
        }
    }

    /** The default action memory, moved into the configured range when the range excludes 256 MB. */
    public int defaultMemoryMb() {
        return Math.max(minMemoryMb, Math.min(maxMemoryMb, DEFAULT_MEMORY_MB));
    }
}
