package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every action runtime as a local process: {@code node} for nodejs, {@code python3} for python and a child JVM
 * for java. Each process serves {@code /init} and {@code /run} on its own loopback port.
 */
public final class ProcessContainerFactory implements ContainerFactory {

    /** The highest niceness of runtimes, the lowest CPU priority. */
    public static final int MAX_RUNTIME_NICENESS = 19;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Map<String, String> ALIASES = Map.of(
            "nodejs:default", NodeLauncher.KIND,
            "python:3", PythonLauncher.KIND,
            "python:3.10", PythonLauncher.KIND,
            "python:default", PythonLauncher.KIND,
            "java:default", JavaLauncher.KIND);
    private static final List<String> INHERITED_VARIABLES = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ");
    private static final Path SHELL = Path.of("/bin/sh");
    /** Joins the cgroups whose {@code cgroup.procs} files are given, then runs the rest of the command line. */
    private static final String JOIN_CGROUPS = "n=$1; shift; while [ \"$n\" -gt 0 ]; do echo $$ > \"$1\" || exit 126;"
            + " shift; n=$((n - 1)); done; exec \"$@\"";

    private final Path workDirectory;
    private final String runId = RunOwner.current().newRunId();
    private final Optional<Cgroups> cgroups;
    private final Optional<Path> setsid;
    private final RuntimePriority priority;
    private final Optional<RuntimeReaper> reaper;
    private final Map<String, RuntimeLauncher> launchers = new LinkedHashMap<>();
    private final RuntimeHttp http;
    private final Set<ProcessContainer> running = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private final Thread shutdownHook;
    private volatile boolean closed;

    /** Works in a new temporary directory, deleted on {@link #close()}. */
    public ProcessContainerFactory() {
        this(null);
    }

    /** Works in a new directory inside {@code workDirectory} (created if missing), deleted on {@link #close()}. */
    public ProcessContainerFactory(Path workDirectory) {
        this(workDirectory, 0);
    }

    /**
     * Works in a new directory inside {@code workDirectory}, or in a new temporary directory when it is {@code null},
     * and starts every runtime at {@code niceness}: 0 (the JVM's CPU priority) to 19 (the lowest), so that on a busy
     * machine the JVM's threads get a CPU before the runtimes do.
     */
    public ProcessContainerFactory(Path workDirectory, int niceness) {
        this(workDirectory, System.getenv("PATH"), true, niceness);
    }

    /**
     * Looks for {@code node} and {@code python3} on {@code path} instead of this process's {@code PATH}. First removes
     * what runs of JVMs that are gone left behind.
     */
    ProcessContainerFactory(Path workDirectory, String path) {
        this(workDirectory, path, true, 0);
    }

    /** With {@code useCgroups} false, containers get no cgroup even where cgroups can be written. */
    ProcessContainerFactory(Path workDirectory, String path, boolean useCgroups) {
        this(workDirectory, path, useCgroups, 0);
    }

    /** Runtimes started at {@code niceness}, see {@link RuntimePriority}. */
    ProcessContainerFactory(Path workDirectory, String path, boolean useCgroups, int niceness) {
        this.priority = new RuntimePriority(niceness, System.getenv("PATH"));
        Path workParent = workDirectory != null ? workDirectory : Path.of(System.getProperty("java.io.tmpdir"));
        LeftoverSweep.run(workParent);
        this.workDirectory = createWorkDirectory(workDirectory, runId);
        this.cgroups = useCgroups ? Cgroups.create(runId) : Optional.empty();
        this.setsid = ExecutableLookup.onPath("setsid", System.getenv("PATH"));
        ProxyScripts scripts = new ProxyScripts(this.workDirectory.resolve("proxies"));
        this.reaper = RuntimeReaper.start(scripts.extract("runtime-reaper.sh"), runId, this.workDirectory,
                cgroups.map(Cgroups::runDirectories).orElse(List.of()), setsid);
        register(new NodeLauncher(path, scripts));
        register(new PythonLauncher(path, scripts));
        register(new JavaLauncher(this.workDirectory.resolve("java")));
        this.http = new RuntimeHttp();
        this.shutdownHook = new Thread(this::releaseEverything, "openwhisk-runtimes-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A new directory with an owner file naming this run, so that a later sweep can tell whether its JVM is gone. */
    private static Path createWorkDirectory(Path parent, String runId) {
        try {
            Path directory;
            if (parent == null) {
                directory = Files.createTempDirectory(LeftoverSweep.WORK_DIRECTORY_PREFIX);
            } else {
                Files.createDirectories(parent);
                directory = Files.createTempDirectory(parent, LeftoverSweep.WORK_DIRECTORY_PREFIX);
            }
            Files.writeString(directory.resolve(LeftoverSweep.OWNER_FILE), runId);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the runtime work directory"
                    + (parent == null ? " in the system temp directory" : " in " + parent), e);
        }
    }

    Path workDirectory() {
        return workDirectory;
    }

    Thread shutdownHook() {
        return shutdownHook;
    }

    /** The pid of the reaper that cleans up if this JVM dies, for tests. */
    OptionalLong reaperPid() {
        return reaper.map(r -> OptionalLong.of(r.pid())).orElse(OptionalLong.empty());
    }

    /** This factory's run: a prefix of every container's {@link ProcessMarker} value and its cgroups' parent. */
    String runId() {
        return runId;
    }

    /**
     * Whether each container gets a cgroup of its own, which holds the memory of its whole process tree to the
     * action's limit; without, only the runtime's heap is limited.
     */
    public boolean limitsWholeProcessTrees() {
        return cgroups.isPresent();
    }

    private void register(RuntimeLauncher launcher) {
        launchers.put(launcher.kind(), launcher);
    }

    @Override
    public List<String> kinds() {
        return List.copyOf(launchers.keySet());
    }

    /** Kinds are matched as given, or through the {@code <family>:default} and {@code python:3} aliases. */
    private RuntimeLauncher launcher(String kind) {
        return launchers.get(ALIASES.getOrDefault(kind, kind));
    }

    @Override
    public Optional<String> unavailableReason(String kind) {
        RuntimeLauncher launcher = launcher(kind);
        if (launcher != null) {
            return launcher.unavailableReason();
        }
        if ("blackbox".equals(kind)) {
            return Optional.of("kind 'blackbox' needs a Docker image, and this embedded OpenWhisk runs actions as"
                    + " local processes without Docker; use one of " + kinds() + " or a remote OpenWhisk");
        }
        return Optional.of("kind '" + kind + "' has no local runtime here; this embedded OpenWhisk runs " + kinds());
    }

    @Override
    public ActionContainer create(String kind, int memoryMb, Map<String, String> environment)
            throws ContainerStartException {
        if (closed) {
            throw new ContainerStartException("Cannot start a " + kind + " container: the container factory was"
                    + " closed");
        }
        Optional<String> unavailable = unavailableReason(kind);
        if (unavailable.isPresent()) {
            throw new ContainerStartException("Cannot start a " + kind + " container: " + unavailable.get());
        }
        Objects.requireNonNull(environment, "environment");
        if (memoryMb <= 0) {
            throw new ContainerStartException("Cannot start a " + kind + " container with " + memoryMb
                    + " MB of memory; the memory limit must be positive");
        }
        return start(launcher(kind), memoryMb, environment);
    }

    private ProcessContainer start(RuntimeLauncher launcher, int memoryMb, Map<String, String> environment)
            throws ContainerStartException {
        String kind = launcher.kind();
        String id = family(kind) + "-"
                + counters.computeIfAbsent(family(kind), k -> new AtomicInteger()).incrementAndGet();
        Path directory = workDirectory.resolve(id);
        Map<String, String> variables = new LinkedHashMap<>(launcher.defaultEnvironment());
        variables.putAll(environment);
        String marker = ProcessMarker.value(runId, id);
        variables.put(ProcessMarker.VARIABLE, marker);
        ContainerCgroup cgroup = createCgroup(kind, id, memoryMb);
        Process process;
        try {
            List<String> command = launcher.command(new LaunchSpec(memoryMb, directory, cgroup != null));
            process = startProcess(kind, id, wrap(command, cgroup), directory, variables);
        } catch (ContainerStartException e) {
            if (cgroup != null) {
                cgroup.remove(Duration.ofSeconds(1));
            }
            throw e;
        }
        ProcessOutput output = ProcessOutput.readFrom(process, id);
        ProcessContainer container = new ProcessContainer(id, kind, memoryMb, process, output, http,
                directory, cgroup, marker, running::remove);
        running.add(container);
        if (closed) {
            container.close();
            throw new ContainerStartException("Cannot start a " + kind + " container: the container factory was"
                    + " closed while it started");
        }
        container.listensOn(awaitPort(container, output));
        priority.applyToSession(process.pid());
        return container;
    }

    private ContainerCgroup createCgroup(String kind, String id, int memoryMb) throws ContainerStartException {
        if (cgroups.isEmpty()) {
            return null;
        }
        try {
            return cgroups.get().create(id, memoryMb);
        } catch (IOException e) {
            throw new ContainerStartException("Cannot start a " + kind + " container (" + id + "): its cgroup could"
                    + " not be created: " + e + "; check that the cgroup file system is writable", e);
        }
    }

    /**
     * The runtime's command line, started in a session of its own (so that it leads a process group the runtime can
     * kill as a whole) and, with a cgroup, after joining it: the runtime is in the cgroup before it runs any code.
     * {@code sh}, {@code setsid} and {@code nice} replace themselves with the runtime, which keeps the pid of the
     * started process.
     */
    private List<String> wrap(List<String> command, ContainerCgroup cgroup) {
        List<String> wrapped = new ArrayList<>();
        if (cgroup != null) {
            wrapped.addAll(List.of(SHELL.toString(), "-c", JOIN_CGROUPS, "openwhisk-join-cgroups",
                    Integer.toString(cgroup.joinFiles().size())));
            cgroup.joinFiles().forEach(file -> wrapped.add(file.toString()));
        }
        setsid.ifPresent(program -> wrapped.add(program.toString()));
        wrapped.addAll(priority.wrap(command));
        return wrapped;
    }

    private Process startProcess(String kind, String id, List<String> command, Path directory,
            Map<String, String> environment) throws ContainerStartException {
        try {
            Files.createDirectories(directory);
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
            Map<String, String> env = builder.environment();
            env.clear();
            for (String name : INHERITED_VARIABLES) {
                String value = System.getenv(name);
                if (value != null) {
                    env.put(name, value);
                }
            }
            env.put("TMPDIR", directory.toString());
            env.putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new ContainerStartException("Cannot start a " + kind + " container (" + id + "): "
                    + String.join(" ", command) + " failed to start: " + e.getMessage(), e);
        }
    }

    /**
     * The port the runtime bound itself (port 0) and announced on stdout once it listens. It is never chosen here and
     * released for the runtime to bind: in between, any process could take it, and {@code /init} would then go to
     * whatever listens there.
     */
    private static int awaitPort(ProcessContainer container, ProcessOutput output) throws ContainerStartException {
        String why;
        try {
            return output.announcedPort().get(START_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            why = "did not listen on a port within " + START_TIMEOUT.toSeconds() + " s";
        } catch (ExecutionException e) {
            Process process = container.process();
            why = exitedEarly(process) ? "exited with code " + process.exitValue() + " before it listened on a port"
                    : "did not listen on a port: " + e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            container.close();
            throw new ContainerStartException("Interrupted while waiting for the " + container.kind()
                    + " runtime process " + container.id() + " to listen on its port; it was killed");
        }
        container.close();
        String printed = output.takeText(Duration.ofMillis(500));
        throw new ContainerStartException("The " + container.kind() + " runtime process " + container.id() + " "
                + why + (printed.isEmpty() ? "" : "; it printed:\n" + printed));
    }

    /** Whether the process has exited, waiting briefly: its stdout ends just before it does. */
    private static boolean exitedEarly(Process process) {
        try {
            return process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static String family(String kind) {
        int colon = kind.indexOf(':');
        return colon < 0 ? kind : kind.substring(0, colon);
    }

    private void releaseEverything() {
        closed = true;
        for (ProcessContainer container : new ArrayList<>(running)) {
            container.close();
        }
        http.close();
        cgroups.ifPresent(groups -> groups.removeRun(Duration.ofSeconds(5)));
        WorkDirectories.deleteQuietly(workDirectory);
        reaper.ifPresent(RuntimeReaper::stop);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting; the hook releases everything as well, which is harmless
        }
        releaseEverything();
    }
}
