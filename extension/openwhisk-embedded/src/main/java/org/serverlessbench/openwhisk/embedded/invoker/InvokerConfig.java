package org.serverlessbench.openwhisk.embedded.invoker;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the embedded invoker sizes its container pool and activation store.
 *
 * @param memoryCapacityMb        memory the pool may hand out to containers (each is charged its action's memory)
 * @param prewarm                 stem cells to keep per kind, such as {@code nodejs:20 -> 1}
 * @param prewarmMemoryMb         memory of each stem cell; only actions with this memory limit can take one
 * @param idleContainerTimeout    an idle warm container is removed after this long without work
 * @param activationStoreCapacity records kept; the oldest is dropped beyond this
 * @param activationStoreMaxBytes serialized bytes of the records kept; the oldest are dropped beyond this
 * @param apiHost                 given to every container as {@code __OW_API_HOST}
 */
public record InvokerConfig(
        int memoryCapacityMb,
        Map<String, Integer> prewarm,
        int prewarmMemoryMb,
        Duration idleContainerTimeout,
        int activationStoreCapacity,
        long activationStoreMaxBytes,
        String apiHost) {

    public static final int DEFAULT_MEMORY_CAPACITY_MB = 4096;
    /** The memory of OpenWhisk's nodejs stem cell ({@code ansible/files/runtimes.json}). */
    public static final int DEFAULT_PREWARM_MEMORY_MB = 256;
    public static final Duration DEFAULT_IDLE_CONTAINER_TIMEOUT = Duration.ofMinutes(10);
    public static final int DEFAULT_ACTIVATION_STORE_CAPACITY = 100_000;
    public static final long DEFAULT_ACTIVATION_STORE_MAX_BYTES = 256L * 1024 * 1024;
    /** OpenWhisk standalone keeps one stem cell of the default nodejs kind. */
    public static final Map<String, Integer> DEFAULT_PREWARM = Map.of("nodejs:20", 1);

    public InvokerConfig {
        if (memoryCapacityMb <= 0) {
            throw new IllegalArgumentException("memoryCapacityMb must be positive, was " + memoryCapacityMb);
        }
        prewarm = Map.copyOf(Objects.requireNonNull(prewarm, "prewarm == null (use an empty map for no stem cells)"));
        prewarm.forEach((kind, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException("prewarm count for kind '" + kind + "' must be >= 0, was " + count);
            }
        });
        if (prewarmMemoryMb <= 0) {
            throw new IllegalArgumentException("prewarmMemoryMb must be positive, was " + prewarmMemoryMb);
        }
        Objects.requireNonNull(idleContainerTimeout, "idleContainerTimeout == null");
        if (idleContainerTimeout.isNegative() || idleContainerTimeout.isZero()) {
            throw new IllegalArgumentException("idleContainerTimeout must be positive, was " + idleContainerTimeout);
        }
        if (activationStoreCapacity <= 0) {
            throw new IllegalArgumentException(
                    "activationStoreCapacity must be positive, was " + activationStoreCapacity);
        }
        if (activationStoreMaxBytes <= 0) {
            throw new IllegalArgumentException(
                    "activationStoreMaxBytes must be positive, was " + activationStoreMaxBytes);
        }
        Objects.requireNonNull(apiHost, "apiHost == null");
    }

    /** OpenWhisk standalone's pool settings, with a 4 GB capacity, for a server reachable at {@code apiHost}. */
    public static InvokerConfig defaults(String apiHost) {
        return new InvokerConfig(DEFAULT_MEMORY_CAPACITY_MB, DEFAULT_PREWARM, DEFAULT_PREWARM_MEMORY_MB,
                DEFAULT_IDLE_CONTAINER_TIMEOUT, DEFAULT_ACTIVATION_STORE_CAPACITY, DEFAULT_ACTIVATION_STORE_MAX_BYTES,
                apiHost);
    }

    public InvokerConfig withMemoryCapacityMb(int mb) {
        return new InvokerConfig(mb, prewarm, prewarmMemoryMb, idleContainerTimeout, activationStoreCapacity,
                activationStoreMaxBytes, apiHost);
    }

    public InvokerConfig withPrewarm(Map<String, Integer> stemCells) {
        return new InvokerConfig(memoryCapacityMb, stemCells, prewarmMemoryMb, idleContainerTimeout,
                activationStoreCapacity, activationStoreMaxBytes, apiHost);
    }

    public InvokerConfig withIdleContainerTimeout(Duration timeout) {
        return new InvokerConfig(memoryCapacityMb, prewarm, prewarmMemoryMb, timeout, activationStoreCapacity,
                activationStoreMaxBytes, apiHost);
    }

    public InvokerConfig withActivationStoreCapacity(int capacity) {
        return new InvokerConfig(memoryCapacityMb, prewarm, prewarmMemoryMb, idleContainerTimeout, capacity,
                activationStoreMaxBytes, apiHost);
    }

    public InvokerConfig withActivationStoreMaxBytes(long maxBytes) {
        return new InvokerConfig(memoryCapacityMb, prewarm, prewarmMemoryMb, idleContainerTimeout,
                activationStoreCapacity, maxBytes, apiHost);
    }
}
