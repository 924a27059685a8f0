package org.serverlessbench.openwhisk.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.serverlessbench.openwhisk.embedded.controller.ControllerConfig;
import org.serverlessbench.openwhisk.embedded.controller.ControllerServer;
import org.serverlessbench.openwhisk.embedded.invoker.Invoker;
import org.serverlessbench.openwhisk.embedded.invoker.InvokerConfig;
import org.serverlessbench.openwhisk.embedded.runtime.ContainerFactory;
import org.serverlessbench.openwhisk.embedded.runtime.ProcessContainerFactory;

/**
 * An OpenWhisk in this JVM: the REST API v1 on 127.0.0.1 and an invoker that runs every action in its own local
 * process through the action runtime protocol. See {@code docs/embedded-openwhisk.md}.
 *
 * <pre>{@code
 * try (EmbeddedOpenWhisk openWhisk = EmbeddedOpenWhisk.newBuilder().start()) {
 *     String apiHost = openWhisk.apiHost();   // http://127.0.0.1:<port>
 *     String auth = openWhisk.auth();         // the guest key
 * }
 * }</pre>
 */
public final class EmbeddedOpenWhisk implements AutoCloseable {
    /** OpenWhisk standalone's guest key, the default credentials. */
    public static final String GUEST_AUTH =
            "23bc46b1-71f6-4ed5-8c54-816aa4f8c502:123zO3xZCLrMN6v2BKK1dXYFpXlPkccOFqm12CdAsMgRU4VrNZ9lyGVCGuMDGIwP";
    /** The one namespace, as in OpenWhisk standalone. */
    public static final String NAMESPACE = "guest";

    private final ControllerServer server;
    private final ContainerFactory factory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedOpenWhisk(ControllerServer server, ContainerFactory factory) {
        this.server = server;
        this.factory = factory;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String apiHost() {
        return server.apiHost();
    }

    public int port() {
        return server.port();
    }

    /** The accepted key, {@code uuid:secret}. */
    public String auth() {
        return server.config().auth();
    }

    public String namespace() {
        return server.config().namespace();
    }

    /** Stops the HTTP server, then the invoker, which kills every action process; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.close();
        } finally {
            factory.close();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedOpenWhisk[" + (closed.get() ? "closed" : apiHost()) + "]";
    }

    /** Settings of an {@link EmbeddedOpenWhisk}; defaults as OpenWhisk standalone, with a larger memory range. */
    public static final class Builder {
        private int port;
        private String auth = GUEST_AUTH;
        private int memoryCapacityMb = InvokerConfig.DEFAULT_MEMORY_CAPACITY_MB;
        private int minActionMemoryMb = 128;
        private int maxActionMemoryMb = 2048;
        private final Map<String, Integer> prewarm = new LinkedHashMap<>(InvokerConfig.DEFAULT_PREWARM);
        private Duration idleContainerTimeout = InvokerConfig.DEFAULT_IDLE_CONTAINER_TIMEOUT;
        private int activationStoreCapacity = InvokerConfig.DEFAULT_ACTIVATION_STORE_CAPACITY;
        private long activationStoreMaxBytes = InvokerConfig.DEFAULT_ACTIVATION_STORE_MAX_BYTES;
        private Path workDirectory;
        private ContainerFactory containerFactory;
        private int runtimeNiceness;
        private Duration maxBlockingWait = Duration.ofSeconds(60);

        private Builder() {
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The one accepted key, {@code uuid:secret}; default {@link #GUEST_AUTH}. */
        public Builder auth(String auth) {
            Objects.requireNonNull(auth, "auth == null");
            int colon = auth.indexOf(':');
            if (colon <= 0 || colon == auth.length() - 1) {
                throw new IllegalArgumentException("auth must have the form 'uuid:secret' (as in ~/.wskprops AUTH)");
            }
            this.auth = auth;
            return this;
        }

        /** Memory the invoker may hand out to action processes together; default 4096 MB. */
        public Builder memoryCapacityMb(int memoryCapacityMb) {
            if (memoryCapacityMb <= 0) {
                throw new IllegalArgumentException("memoryCapacityMb must be positive, got " + memoryCapacityMb);
            }
            this.memoryCapacityMb = memoryCapacityMb;
            return this;
        }

        /** The accepted {@code limits.memory} range; default 128–2048 MB so SeBS benchmarks fit. */
        public Builder actionMemoryRange(int minMb, int maxMb) {
            if (minMb <= 0 || maxMb < minMb) {
                throw new IllegalArgumentException("action memory range must satisfy 0 < min <= max, got "
                        + minMb + ".." + maxMb + " MB");
            }
            this.minActionMemoryMb = minMb;
            this.maxActionMemoryMb = maxMb;
            return this;
        }

        /** Stem cells kept for {@code kind}; 0 removes them. Default: one {@code nodejs:20}. */
        public Builder prewarm(String kind, int count) {
            Objects.requireNonNull(kind, "kind == null");
            if (count < 0) {
                throw new IllegalArgumentException("prewarm count for '" + kind + "' must be >= 0, got " + count);
            }
            if (count == 0) {
                prewarm.remove(kind);
            } else {
                prewarm.put(kind, count);
            }
            return this;
        }

        /** How long an unused warm process is kept; default 10 minutes. */
        public Builder idleContainerTimeout(Duration idleContainerTimeout) {
            Objects.requireNonNull(idleContainerTimeout, "idleContainerTimeout == null");
            if (idleContainerTimeout.isNegative() || idleContainerTimeout.isZero()) {
                throw new IllegalArgumentException(
                        "idleContainerTimeout must be positive, got " + idleContainerTimeout);
            }
            this.idleContainerTimeout = idleContainerTimeout;
            return this;
        }

        /** Activation records kept; the oldest are dropped beyond this. Default 100 000. */
        public Builder activationStoreCapacity(int activationStoreCapacity) {
            if (activationStoreCapacity <= 0) {
                throw new IllegalArgumentException(
                        "activationStoreCapacity must be positive, got " + activationStoreCapacity);
            }
            this.activationStoreCapacity = activationStoreCapacity;
            return this;
        }

        /**
         * Bytes the kept activation records may take, measured as compact JSON; the oldest are dropped beyond this. A
         * record larger than this is answered but not kept. Default 256 MB.
         */
        public Builder activationStoreMaxBytes(long activationStoreMaxBytes) {
            if (activationStoreMaxBytes <= 0) {
                throw new IllegalArgumentException(
                        "activationStoreMaxBytes must be positive, got " + activationStoreMaxBytes);
            }
            this.activationStoreMaxBytes = activationStoreMaxBytes;
            return this;
        }

        /** Where the process runtimes unpack action code; default a temporary directory deleted on close. */
        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory == null");
            return this;
        }

        /**
         * The factory that starts action runtimes; default a {@link ProcessContainerFactory}. The server owns it and
         * closes it on {@link EmbeddedOpenWhisk#close()}.
         */
        public Builder containerFactory(ContainerFactory containerFactory) {
            this.containerFactory = Objects.requireNonNull(containerFactory, "containerFactory == null");
            return this;
        }

        /**
         * The niceness of the action runtime processes the default factory starts: 0 (the default, the JVM's CPU
         * priority) to 19 (the lowest). A higher value lets the JVM's threads (a load generator's callers, the server)
         * get a CPU before the runtimes on a busy machine; for a factory given to {@link #containerFactory}, set it
         * there ({@link ProcessContainerFactory#ProcessContainerFactory(Path, int)}).
         */
        public Builder runtimeNiceness(int runtimeNiceness) {
            if (runtimeNiceness < 0 || runtimeNiceness > ProcessContainerFactory.MAX_RUNTIME_NICENESS) {
                throw new IllegalArgumentException("runtimeNiceness must be 0.."
                        + ProcessContainerFactory.MAX_RUNTIME_NICENESS + " (0 is the JVM's priority), got "
                        + runtimeNiceness);
            }
            this.runtimeNiceness = runtimeNiceness;
            return this;
        }

        /** How long blocking and web invokes wait before 202; OpenWhisk's 60 s. Only tests shorten it. */
        Builder maxBlockingWait(Duration maxBlockingWait) {
            this.maxBlockingWait = Objects.requireNonNull(maxBlockingWait, "maxBlockingWait == null");
            return this;
        }

        /**
         * Binds the port and starts the invoker (and its stem cells).
         *
         * @throws IOException when the port cannot be bound
         */
        public EmbeddedOpenWhisk start() throws IOException {
            ControllerConfig controllerConfig = new ControllerConfig(auth, NAMESPACE, minActionMemoryMb,
                    maxActionMemoryMb, maxBlockingWait);
            if (containerFactory != null && runtimeNiceness != 0) {
                throw new IllegalStateException("runtimeNiceness applies to the default container factory; give it"
                        + " to the factory passed to containerFactory instead");
            }
            ContainerFactory factory = containerFactory != null ? containerFactory
                    : new ProcessContainerFactory(workDirectory, runtimeNiceness);
            Map<String, Integer> stemCells = Map.copyOf(prewarm);
            try {
                ControllerServer server = ControllerServer.start(port, controllerConfig,
                        apiHost -> new Invoker(new InvokerConfig(memoryCapacityMb, stemCells,
                                InvokerConfig.DEFAULT_PREWARM_MEMORY_MB, idleContainerTimeout,
                                activationStoreCapacity, activationStoreMaxBytes, apiHost), factory));
                return new EmbeddedOpenWhisk(server, factory);
            } catch (IOException | RuntimeException e) {
                factory.close();
                throw e;
            }
        }
    }
}
