package org.serverlessbench.openwhisk.embedded.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An action runtime running as a local process, spoken to over HTTP on the loopback port it bound and announced
 * itself.
 */
final class ProcessContainer extends HttpActionContainer {

    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final Process process;
    private final ProcessOutput output;
    private final Path directory;
    private final ContainerCgroup cgroup;
    private final String marker;
    private final Consumer<ProcessContainer> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A container for a runtime process that was given no port: it binds one itself and announces it, and the
     * factory passes it to {@link #listensOn} before it hands the container out.
     */
    ProcessContainer(String id, String kind, int memoryMb, Process process, ProcessOutput output, RuntimeHttp http,
            Path directory, ContainerCgroup cgroup, String marker, Consumer<ProcessContainer> onClose) {
        super(id, kind, memoryMb, http);
        this.process = process;
        this.output = output;
        this.directory = directory;
        this.cgroup = cgroup;
        this.marker = marker;
        this.onClose = onClose;
    }

    Process process() {
        return process;
    }

    /** The container's cgroup, or {@code null} where cgroups are not available. */
    ContainerCgroup cgroup() {
        return cgroup;
    }

    @Override
    protected void beforeCall(String path) throws ContainerCrashedException {
        if (closed.get()) {
            throw closedContainer(path);
        }
    }

    @Override
    protected String describeFailure() {
        try {
            return process.waitFor(200, TimeUnit.MILLISECONDS)
                    ? "its process exited with code " + process.exitValue()
                    : "its process is still running but dropped the connection";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "its process state is unknown (interrupted)";
        }
    }

    @Override
    protected String removal() {
        return "its process was killed";
    }

    @Override
    public List<LogLine> drainLogs(Duration timeout) {
        return output.drain(timeout);
    }

    @Override
    public boolean memoryExhausted() {
        return cgroup != null && cgroup.memoryExhausted();
    }

    @Override
    public boolean isAlive() {
        return !closed.get() && process.isAlive();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ProcessTree.kill(process, cgroup, marker, KILL_WAIT);
        if (cgroup != null) {
            cgroup.remove(KILL_WAIT);
        }
        WorkDirectories.deleteQuietly(directory);
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return id() + " (" + kind() + ", " + memoryMb() + " MB, pid " + process.pid() + ")";
    }
}
