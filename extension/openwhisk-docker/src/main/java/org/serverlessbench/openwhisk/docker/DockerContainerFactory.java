package org.serverlessbench.openwhisk.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.Closeable;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.serverlessbench.openwhisk.embedded.runtime.ActionContainer;
import org.serverlessbench.openwhisk.embedded.runtime.ContainerFactory;
import org.serverlessbench.openwhisk.embedded.runtime.ContainerStartException;
import org.serverlessbench.openwhisk.embedded.runtime.RuntimeHttp;

/**
 * Runs actions in Docker containers for the embedded OpenWhisk: every action with an image ({@code blackbox}), and,
 * when {@link Builder#allKinds(boolean)} is set, every kind in the project's runtime images; other kinds go to the
 * given process factory. Containers get the action's memory as {@code --memory} (and as the swap limit), CPU shares
 * in proportion to memory, {@code --init}, the labels of this run and of the owning JVM, and a port on 127.0.0.1.
 * A cold start starts a spare created after the previous one of the same configuration ({@link SpareContainers}).
 * A new factory first removes containers whose owning JVM is gone. See {@code docs/docker.md}.
 */
public final class DockerContainerFactory implements ContainerFactory {

    public static final String BLACKBOX = "blackbox";
    /** OpenWhisk's pause grace ({@code container-proxy.timeouts.pause-grace}). */
    public static final Duration DEFAULT_PAUSE_GRACE = Duration.ofSeconds(10);
    /** What OpenWhisk's runtimes listen on inside their container. */
    private static final int CONTAINER_PORT = 8080;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** OpenWhisk divides 1024 CPU shares among the pool's memory ({@code ContainerPoolConfig.cpuShare}). */
    private static final int TOTAL_CPU_SHARES = 1024;
    /** How often a starting container's port is tried; a refused connect on loopback costs microseconds. */
    private static final long READY_POLL_NANOS = 500_000;
    /** How often a starting container that does not listen yet is asked whether it still runs. */
    private static final long LIVENESS_CHECK_NANOS = 100_000_000;
    /**
     * Logs, at {@link Level#FINE}, each container start with the time of its steps: message {@value #STEPS_MESSAGE}
     * with parameters the container's id and a {@code Map<String, Long>} of nanoseconds per step, in order.
     */
    public static final String STEPS_LOGGER = "org.serverlessbench.openwhisk.docker.ContainerStart";
    public static final String STEPS_MESSAGE = "container {0} started: {1}";
    private static final Logger STEPS = Logger.getLogger(STEPS_LOGGER);

    private final DockerEngine engine;
    private final boolean ownsEngine;
    private final DockerClient docker;
    private final DockerImages images;
    private final RuntimeImages runtimes;
    private final ContainerFactory processes;
    private final boolean allKinds;
    private final Optional<RegistryCredentials> registry;
    private final int memoryCapacityMb;
    private final Duration pauseGrace;
    private final String runId = randomHex(4);
    private final RuntimeHttp http;
    /** How the runtime of each image reference a container was started from gets its port. */
    private final Map<String, RuntimePort> runtimePorts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pauser;
    private final Set<DockerActionContainer> running = ConcurrentHashMap.newKeySet();
    /** {@code null} when cold starts create their container themselves. */
    private final SpareContainers spares;
    private final AtomicInteger counter = new AtomicInteger();
    private final Map<String, Optional<String>> engineProblem = new ConcurrentHashMap<>();
    private final String ownerPid = Long.toString(ProcessHandle.current().pid());
    private final String ownerStart = ownerStartOfThisJvm();
    private final Thread shutdownHook;
    private volatile boolean closed;

    private DockerContainerFactory(Builder builder) {
        this.engine = builder.engine != null ? builder.engine : DockerEngine.connect();
        this.ownsEngine = builder.engine == null;
        this.docker = engine.client();
        this.images = new DockerImages(engine);
        this.runtimes = new RuntimeImages(images);
        this.processes = builder.processes;
        this.allKinds = builder.allKinds;
        this.registry = builder.registry;
        this.memoryCapacityMb = builder.memoryCapacityMb;
        this.pauseGrace = builder.pauseGrace;
        this.http = new RuntimeHttp();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "openwhisk-docker-pauser");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.pauser = scheduler;
        this.spares = builder.spareContainers ? new SpareContainers(
                reference -> images.find(reference).map(InspectImageResponse::getId), this::removeQuietly) : null;
        this.shutdownHook = new Thread(this::removeEverything, "openwhisk-docker-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** The label value every container of this factory carries, for tests and diagnostics. */
    public String runId() {
        return runId;
    }

    /**
     * Waits until the spare containers being created in the background are created, for a benchmark or test that must
     * not measure a cold start while the engine is busy creating one (see {@link Builder#spareContainers(boolean)}).
     */
    public void awaitSpareContainers() {
        if (spares != null) {
            spares.awaitCreated();
        }
    }

    /**
     * Removes the containers of JVMs that are gone (their owner pid no longer runs, or runs another program), as
     * left behind by a JVM that was killed. Returns how many were removed.
     */
    public int sweepAbandoned() {
        List<Container> owned = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(ImageLabels.OWNER_PID)).exec();
        int removed = 0;
        for (Container container : owned) {
            Map<String, String> labels = container.getLabels();
            if (!ownerAlive(labels.get(ImageLabels.OWNER_PID), labels.get(ImageLabels.OWNER_START))) {
                try {
                    docker.removeContainerCmd(container.getId()).withForce(true).exec();
                    removed++;
                } catch (RuntimeException e) {
                    System.err.println("[openwhisk-docker] removing abandoned container " + container.getId()
                            + " failed: " + e.getMessage());
                }
            }
        }
        return removed;
    }

    static boolean ownerAlive(String pid, String startMillis) {
        if (pid == null) {
            return false;
        }
        Optional<ProcessHandle> owner;
        try {
            owner = ProcessHandle.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return false;
        }
        return owner.filter(ProcessHandle::isAlive)
                .map(process -> startMillis == null || process.info().startInstant()
                        .map(start -> Long.toString(start.toEpochMilli()).equals(startMillis)).orElse(true))
                .orElse(false);
    }

    @Override
    public List<String> kinds() {
        List<String> kinds = new ArrayList<>(processes != null ? processes.kinds() : List.of());
        for (String kind : allKinds ? RuntimeImages.kinds() : List.<String>of()) {
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        kinds.add(BLACKBOX);
        return List.copyOf(kinds);
    }

    private boolean inDocker(String kind, String image) {
        return image != null || BLACKBOX.equals(kind) || allKinds || processes == null;
    }

    @Override
    public Optional<String> unavailableReason(String kind) {
        if (!inDocker(kind, null)) {
            return processes.unavailableReason(kind);
        }
        if (!BLACKBOX.equals(kind) && RuntimeImages.resolve(kind).isEmpty()) {
            return Optional.of("kind '" + kind + "' has no runtime image; the Docker runtimes are "
                    + RuntimeImages.kinds());
        }
        return engineProblem.computeIfAbsent("engine", key -> engine.unavailableReason());
    }

    @Override
    public ActionContainer create(String kind, int memoryMb, Map<String, String> environment)
            throws ContainerStartException {
        return create(kind, null, memoryMb, environment);
    }

    @Override
    public ActionContainer create(String kind, String image, int memoryMb, Map<String, String> environment)
            throws ContainerStartException {
        Objects.requireNonNull(environment, "environment == null");
        if (!inDocker(kind, image)) {
            return processes.create(kind, memoryMb, environment);
        }
        if (closed) {
            throw new ContainerStartException("Cannot start a " + kind + " container: the Docker container factory"
                    + " was closed");
        }
        if (memoryMb <= 0) {
            throw new ContainerStartException("Cannot start a " + kind + " container with " + memoryMb
                    + " MB of memory; the memory limit must be positive");
        }
        if (image == null && BLACKBOX.equals(kind)) {
            throw new ContainerStartException("A blackbox action needs an image (exec.image); none was given");
        }
        Steps steps = new Steps();
        String reference = image != null ? image : runtimeImage(kind);
        RuntimePort port = runtimePort(kind, reference);
        steps.done("image");
        try {
            return start(kind, reference, port, memoryMb, environment, steps);
        } catch (ImageGone e) {
            // removed since it was last seen: pull it (or rebuild the runtime image) and try once more
            runtimePorts.remove(reference);
            String again = image != null ? image : runtimeImage(kind);
            try {
                return start(kind, again, runtimePort(kind, again), memoryMb, environment, steps);
            } catch (ImageGone twice) {
                throw new ContainerStartException("Cannot create a container of image " + again + " for " + kind
                        + ": the engine lost the image again right after it was pulled or built: "
                        + twice.getCause().getMessage(), twice);
            }
        }
    }

    private String runtimeImage(String kind) throws ContainerStartException {
        try {
            return runtimes.ensure(kind);
        } catch (DockerImageException | IllegalArgumentException e) {
            throw new ContainerStartException("Cannot start a " + kind + " container: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ContainerStartException("Cannot start a " + kind + " container: the Docker engine failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * How an image's runtime gets its port: its port variable label and whether it announces the port it binds
     * (label {@link ImageLabels#ANNOUNCES_PORT}). The first container of an image pulls it if the engine lacks it
     * (OpenWhisk's invoker pulls unless present) and inspects it; later ones skip both, and a create that finds the
     * image gone starts over.
     */
    private RuntimePort runtimePort(String kind, String reference) throws ContainerStartException {
        RuntimePort known = runtimePorts.get(reference);
        if (known != null) {
            return known;
        }
        try {
            images.ensurePresent(reference, registry);
            InspectImageResponse inspected = images.find(reference).orElseThrow(() -> new DockerImageException(
                    "Image " + reference + " disappeared from the engine right after it was pulled", null));
            Map<String, String> labels = inspected.getConfig() == null || inspected.getConfig().getLabels() == null
                    ? Map.of() : inspected.getConfig().getLabels();
            String variable = labels.get(ImageLabels.PORT_VARIABLE);
            RuntimePort port = new RuntimePort(variable,
                    variable != null && "true".equals(labels.get(ImageLabels.ANNOUNCES_PORT)));
            runtimePorts.put(reference, port);
            return port;
        } catch (DockerImageException | IllegalArgumentException e) {
            throw new ContainerStartException("Cannot start a " + kind + " container: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ContainerStartException("Cannot start a " + kind + " container of " + reference
                    + ": the Docker engine failed: " + e.getMessage(), e);
        }
    }

    /**
     * How a runtime gets its port.
     *
     * @param variable  the environment variable that tells the runtime its port on the host network, or {@code null}
     *                  for an image without one (it listens on 8080 in its own network, published on 127.0.0.1)
     * @param announces whether the runtime, given port 0 in {@code variable}, binds a free port itself and announces
     *                  it on stdout (images built before that label exists get a port chosen for them)
     */
    private record RuntimePort(String variable, boolean announces) {
    }

    /** The image of a container went missing between the inspection and the create. */
    private static final class ImageGone extends Exception {
        private static final long serialVersionUID = 1L;

        ImageGone(Throwable cause) {
            super(cause);
        }
    }

    /** The time of each step of one container start, for the {@link #STEPS_LOGGER} log. */
    private static final class Steps {
        private final Map<String, Long> nanos = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void done(String step) {
            long now = System.nanoTime();
            nanos.merge(step, now - last, Long::sum);
            last = now;
        }

        void log(String id) {
            if (STEPS.isLoggable(Level.FINE)) {
                Map<String, Long> copy = Collections.unmodifiableMap(new LinkedHashMap<>(nanos));
                STEPS.log(Level.FINE, STEPS_MESSAGE, new Object[] {id, copy});
            }
        }
    }

    /** A container created and not yet started: a new one, or the spare made after the previous cold start. */
    record Created(String id, String containerId, int hostPort) {
    }

    private DockerActionContainer start(String kind, String image, RuntimePort port, int memoryMb,
            Map<String, String> environment, Steps steps) throws ContainerStartException, ImageGone {
        // A runtime given its port before it starts cannot have a spare: the port could be taken in the meantime.
        SpareContainers.Key spareKey = spares != null && (port.variable() == null || port.announces())
                ? new SpareContainers.Key(kind, image, memoryMb, environment) : null;
        SpareContainers.Taken spare = spareKey == null ? null : spares.take(spareKey);
        DockerActionContainer container = null;
        if (spare != null) {
            steps.done("create");
            try {
                container = start(kind, image, port, memoryMb, spare.created(), steps);
                if (!spare.current().join()) {
                    // the image was rebuilt under the same reference since the spare was made
                    container.close();
                    container = null;
                }
            } catch (ContainerStartException e) {
                // removed behind the factory's back, say: a new container is what the cold start needs anyway
                System.err.println("[openwhisk-docker] the spare container " + spare.created().id()
                        + " did not start (" + e.getMessage() + "); creating another");
            }
        }
        if (container == null) {
            Created created = create(kind, image, port, memoryMb, environment);
            steps.done("create");
            container = start(kind, image, port, memoryMb, created, steps);
        }
        if (spareKey != null) {
            spares.prepare(spareKey, () -> create(kind, image, port, memoryMb, environment));
        }
        return container;
    }

    private Created create(String kind, String image, RuntimePort port, int memoryMb, Map<String, String> environment)
            throws ContainerStartException, ImageGone {
        String portVariable = port.variable();
        boolean announcesPort = port.announces();
        String id = family(kind) + "-docker-" + counter.incrementAndGet();
        long bytes = memoryMb * 1024L * 1024L;
        HostConfig host = HostConfig.newHostConfig()
                .withMemory(bytes)
                .withMemorySwap(bytes)
                .withCpuShares(Math.max(2, TOTAL_CPU_SHARES * memoryMb / memoryCapacityMb))
                .withInit(true);
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("OW_MEMORY_MB", Integer.toString(memoryMb));
        int hostPort = 0;
        if (announcesPort) {
            // The runtime binds a free port itself and announces it (see awaitAnnouncedPort).
            env.put(portVariable, "0");
            host.withNetworkMode("host");
        } else if (portVariable != null) {
            // An image built before runtimes announced their port: another process can take this one before the
            // runtime binds it, as with every runtime until then.
            hostPort = RuntimeHttp.freeLoopbackPort();
            env.put(portVariable, Integer.toString(hostPort));
            host.withNetworkMode("host");
        } else {
            host.withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(CONTAINER_PORT)));
        }
        List<String> envList = new ArrayList<>();
        env.forEach((name, value) -> envList.add(name + "=" + value));
        CreateContainerCmd create = docker.createContainerCmd(image)
                .withName("owj-" + runId + "-" + id)
                .withLabels(Map.of(
                        ImageLabels.RUN, runId,
                        ImageLabels.OWNER_PID, ownerPid,
                        ImageLabels.OWNER_START, ownerStart))
                .withEnv(envList)
                .withHostConfig(host);
        if (portVariable == null) {
            create.withExposedPorts(ExposedPort.tcp(CONTAINER_PORT));
        }
        String containerId;
        try {
            containerId = create.exec().getId();
        } catch (NotFoundException e) {
            throw new ImageGone(e);
        } catch (RuntimeException e) {
            throw new ContainerStartException("Cannot create a container of image " + image + " for " + kind + ": "
                    + e.getMessage(), e);
        }
        return new Created(id, containerId, hostPort);
    }

    private DockerActionContainer start(String kind, String image, RuntimePort port, int memoryMb, Created created,
            Steps steps) throws ContainerStartException {
        String portVariable = port.variable();
        boolean announcesPort = port.announces();
        String id = created.id();
        String containerId = created.containerId();
        int hostPort = created.hostPort();
        ContainerLogs logs = new ContainerLogs();
        Closeable logStream = () -> { };
        DockerActionContainer container = null;
        try {
            docker.startContainerCmd(containerId).exec();
            steps.done("start");
            logStream = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
                    .withFollowStream(true).exec(logs);
            steps.done("logs");
            if (portVariable == null) {
                hostPort = publishedPort(containerId);
                steps.done("port");
            } else if (announcesPort) {
                // announced once the runtime listens: the container is ready as soon as it is constructed
                hostPort = awaitAnnouncedPort(containerId, id, logs);
            }
            container = new DockerActionContainer(id, containerId, kind, memoryMb, hostPort, docker, http, logs,
                    logStream, pauser, pauseGrace, running::remove);
            running.add(container);
            if (!announcesPort) {
                awaitReady(container, hostPort, portVariable != null, logs);
            }
            steps.done("ready");
            steps.log(id);
            if (closed) {
                container.close();
                throw new ContainerStartException("The Docker container factory was closed while " + id
                        + " started; it was removed");
            }
            return container;
        } catch (RuntimeException e) {
            if (container != null) {
                container.close();
            } else {
                removeQuietly(containerId);
            }
            throw new ContainerStartException("Cannot start container " + id + " of image " + image + ": "
                    + e.getMessage(), e);
        }
    }

    private int publishedPort(String containerId) {
        InspectContainerResponse inspected = docker.inspectContainerCmd(containerId).exec();
        Ports.Binding[] bindings = inspected.getNetworkSettings().getPorts().getBindings()
                .get(ExposedPort.tcp(CONTAINER_PORT));
        if (bindings == null || bindings.length == 0) {
            throw new IllegalStateException("the engine published no port for " + CONTAINER_PORT + "/tcp");
        }
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }

    /**
     * Host networking: ready when the runtime accepts connections on its port. A published port is accepted by the
     * engine's proxy at once, so there the runtime is ready when an HTTP request gets any answer.
     */
    private void awaitReady(DockerActionContainer container, int port, boolean hostNetwork, ContainerLogs logs)
            throws ContainerStartException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        long nextLivenessCheck = System.nanoTime() + LIVENESS_CHECK_NANOS;
        while (!(hostNetwork ? RuntimeHttp.accepts(port) : http.answers(port))) {
            // The log stream ends when the container exits; the engine is asked only now and then, since an inspect
            // per poll would cost the engine more than the port checks and slow down the very start it waits for.
            boolean alive = !logs.ended();
            if (alive && System.nanoTime() - nextLivenessCheck >= 0) {
                alive = container.isAlive();
                nextLivenessCheck = System.nanoTime() + LIVENESS_CHECK_NANOS;
            }
            if (!alive || System.nanoTime() > deadline) {
                String printed = logs.takeText(Duration.ofMillis(500));
                container.close();
                throw new ContainerStartException("Container " + container.id() + " ("
                        + container.containerId().substring(0, 12) + ") " + (alive
                        ? "did not accept connections on 127.0.0.1:" + port + " within " + START_TIMEOUT.toSeconds()
                                + " s" : "exited before it accepted connections")
                        + (printed.isEmpty() ? "" : "; it printed:\n" + printed));
            }
            LockSupport.parkNanos(READY_POLL_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                container.close();
                throw new ContainerStartException("Interrupted while container " + container.id() + " started;"
                        + " it was removed");
            }
        }
    }

    /**
     * The port a runtime on the host network bound itself and announced on stdout. It is never chosen here and
     * released for the runtime to bind: in between, any process could take it, and {@code /init} would then go to
     * whatever listens there.
     */
    private int awaitAnnouncedPort(String containerId, String id, ContainerLogs logs) throws ContainerStartException {
        String why;
        try {
            return logs.announcedPort().get(START_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            why = "did not listen on a port within " + START_TIMEOUT.toSeconds() + " s";
        } catch (ExecutionException e) {
            why = "did not listen on a port: " + e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "was interrupted while waiting for its runtime to listen on a port";
        }
        String printed = logs.takeText(Duration.ofMillis(500));
        removeQuietly(containerId);
        throw new ContainerStartException("Container " + id + " (" + containerId.substring(0, 12) + ") " + why
                + "; it was removed" + (printed.isEmpty() ? "" : "; it printed:\n" + printed));
    }

    private static String ownerStartOfThisJvm() {
        return ProcessHandle.current().info().startInstant().map(start -> Long.toString(start.toEpochMilli()))
                .orElse("");
    }

    private void removeQuietly(String containerId) {
        try {
            docker.removeContainerCmd(containerId).withForce(true).exec();
        } catch (RuntimeException e) {
            System.err.println("[openwhisk-docker] removing container " + containerId + " failed: " + e.getMessage());
        }
    }

    private static String family(String kind) {
        int colon = kind.indexOf(':');
        return colon < 0 ? kind : kind.substring(0, colon);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Removes this run's containers, including any a failed removal left behind. */
    private void removeEverything() {
        closed = true;
        if (spares != null) {
            spares.close();
        }
        for (DockerActionContainer container : new ArrayList<>(running)) {
            container.close();
        }
        if (counter.get() > 0) {
            try {
                for (Container leftover : docker.listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of(ImageLabels.RUN, runId)).exec()) {
                    removeQuietly(leftover.getId());
                }
            } catch (RuntimeException e) {
                System.err.println("[openwhisk-docker] listing the containers of run " + runId + " failed: "
                        + e.getMessage());
            }
        }
        pauser.shutdownNow();
        http.close();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting; the hook removes everything as well
        }
        try {
            removeEverything();
        } finally {
            if (processes != null) {
                processes.close();
            }
            if (ownsEngine) {
                engine.close();
            }
        }
    }

    /** Settings of a {@link DockerContainerFactory}. */
    public static final class Builder {
        private DockerEngine engine;
        private ContainerFactory processes;
        private boolean allKinds;
        private Optional<RegistryCredentials> registry = Optional.empty();
        private int memoryCapacityMb = 4096;
        private Duration pauseGrace = DEFAULT_PAUSE_GRACE;
        private boolean spareContainers;

        private Builder() {
        }

        /**
         * Whether a container is created ahead, after each cold start, for the next cold start of the same image,
         * memory and environment (default false). The next cold start then only starts it: still a new container that
         * has never run, without the engine's create step. Off by default: on a quiet 2-core machine it gave no
         * measurable gain (docs/docker.md), and it keeps a created container per configuration.
         */
        public Builder spareContainers(boolean spareContainers) {
            this.spareContainers = spareContainers;
            return this;
        }

        /** The engine to use (the caller closes it); default one from {@code DOCKER_HOST}, closed with the factory. */
        public Builder engine(DockerEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine == null");
            return this;
        }

        /** Runs the kinds not run in Docker; closed with this factory. Without it, every kind runs in Docker. */
        public Builder processes(ContainerFactory processes) {
            this.processes = Objects.requireNonNull(processes, "processes == null");
            return this;
        }

        /** Whether every kind runs in the project's runtime images ({@code openwhisk.embedded.containers=docker}). */
        public Builder allKinds(boolean allKinds) {
            this.allKinds = allKinds;
            return this;
        }

        /** Where images of actions are pulled from, with which credentials. */
        public Builder registry(Optional<RegistryCredentials> registry) {
            this.registry = Objects.requireNonNull(registry, "registry == null");
            return this;
        }

        /** The invoker's memory capacity, which CPU shares are divided by; default 4096 MB. */
        public Builder memoryCapacityMb(int memoryCapacityMb) {
            if (memoryCapacityMb <= 0) {
                throw new IllegalArgumentException("memoryCapacityMb must be positive, got " + memoryCapacityMb);
            }
            this.memoryCapacityMb = memoryCapacityMb;
            return this;
        }

        /** How long a warm container stays unpaused without work; {@code null} never pauses. Default 10 s. */
        public Builder pauseGrace(Duration pauseGrace) {
            if (pauseGrace != null && (pauseGrace.isNegative() || pauseGrace.isZero())) {
                throw new IllegalArgumentException("pauseGrace must be positive or null, got " + pauseGrace);
            }
            this.pauseGrace = pauseGrace;
            return this;
        }

        /** Connects, removes the containers of JVMs that are gone, and returns the factory. */
        public DockerContainerFactory build() {
            DockerContainerFactory factory = new DockerContainerFactory(this);
            if (factory.engine.unavailableReason().isEmpty()) {
                factory.sweepAbandoned();
            }
            return factory;
        }
    }
}
