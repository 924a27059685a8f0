package org.serverlessbench.openwhisk.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.serverlessbench.openwhisk.embedded.runtime.ContainerCrashedException;
import org.serverlessbench.openwhisk.embedded.runtime.HttpActionContainer;
import org.serverlessbench.openwhisk.embedded.runtime.LogLine;
import org.serverlessbench.openwhisk.embedded.runtime.RuntimeHttp;

/**
 * An action runtime in a Docker container, spoken to over HTTP on a port on 127.0.0.1 (its own with host networking,
 * or the one the engine published) through the same {@link RuntimeHttp} code and deadlines as a local process. It
 * pauses itself after {@code pauseGrace} without work and resumes on the next call, as OpenWhisk's invoker pauses
 * idle warm containers.
 */
final class DockerActionContainer extends HttpActionContainer {

    private final String containerId;
    private final DockerClient docker;
    private final ContainerLogs logs;
    private final Closeable logStream;
    private final ScheduledExecutorService pauser;
    private final Duration pauseGrace;
    private final Consumer<DockerActionContainer> onClose;

    /** Guarded by {@code this}. */
    private boolean paused;
    private boolean closed;
    private ScheduledFuture<?> pendingPause;

    DockerActionContainer(String id, String containerId, String kind, int memoryMb, int port, DockerClient docker,
            RuntimeHttp http, ContainerLogs logs, Closeable logStream, ScheduledExecutorService pauser,
            Duration pauseGrace, Consumer<DockerActionContainer> onClose) {
        super(id, kind, memoryMb, http, port);
        this.containerId = containerId;
        this.docker = docker;
        this.logs = logs;
        this.logStream = logStream;
        this.pauser = pauser;
        this.pauseGrace = pauseGrace;
        this.onClose = onClose;
    }

    String containerId() {
        return containerId;
    }

    synchronized boolean paused() {
        return paused;
    }

    /** Unpauses a paused container and cancels a pending pause, so the call finds it running. */
    @Override
    protected synchronized void beforeCall(String path) throws ContainerCrashedException {
        if (closed) {
            throw closedContainer(path);
        }
        if (pendingPause != null) {
            pendingPause.cancel(false);
            pendingPause = null;
        }
        if (paused) {
            try {
                docker.unpauseContainerCmd(containerId).exec();
                paused = false;
            } catch (DockerException e) {
                throw new ContainerCrashedException("Container " + id() + " (" + kind() + ") could not be unpaused"
                        + " for " + path + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    protected synchronized void afterCall() {
        if (closed || pauseGrace == null) {
            return;
        }
        if (pendingPause != null) {
            pendingPause.cancel(false);
        }
        pendingPause = pauser.schedule(this::pauseIfIdle, pauseGrace.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void pauseIfIdle() {
        if (closed || paused || pendingPause == null || pendingPause.isCancelled()) {
            return;
        }
        pendingPause = null;
        try {
            docker.pauseContainerCmd(containerId).exec();
            paused = true;
        } catch (DockerException e) {
            System.err.println("[openwhisk-docker] pausing idle container " + id() + " failed: " + e.getMessage());
        }
    }

    @Override
    protected String describeFailure() {
        try {
            InspectContainerResponse.ContainerState container = docker.inspectContainerCmd(containerId).exec()
                    .getState();
            return Boolean.TRUE.equals(container.getRunning())
                    ? "it is still running but dropped the connection"
                    : "it exited with code " + container.getExitCodeLong()
                            + (Boolean.TRUE.equals(container.getOOMKilled()) ? " (killed: out of memory)" : "");
        } catch (NotFoundException e) {
            return "it no longer exists";
        } catch (RuntimeException e) {
            return "its state is unknown (" + e.getMessage() + ")";
        }
    }

    @Override
    protected String removal() {
        return "it was removed";
    }

    @Override
    public List<LogLine> drainLogs(Duration timeout) {
        return logs.drain(timeout);
    }

    /** The engine's word on it: the container's memory cgroup killed a process ({@code State.OOMKilled}). */
    @Override
    public boolean memoryExhausted() {
        try {
            return Boolean.TRUE.equals(docker.inspectContainerCmd(containerId).exec().getState().getOOMKilled());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean isAlive() {
        synchronized (this) {
            if (closed) {
                return false;
            }
        }
        try {
            return Boolean.TRUE.equals(docker.inspectContainerCmd(containerId).exec().getState().getRunning());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (pendingPause != null) {
                pendingPause.cancel(false);
            }
        }
        try {
            docker.removeContainerCmd(containerId).withForce(true).exec();
        } catch (NotFoundException alreadyGone) {
            // removed by someone else, which is what we wanted
        } catch (RuntimeException e) {
            System.err.println("[openwhisk-docker] removing container " + id() + " (" + containerId + ") failed: "
                    + e.getMessage() + "; the next start's sweep removes it");
        }
        try {
            logStream.close();
        } catch (IOException ignored) {
            // the stream ends with the container anyway
        }
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return id() + " (" + kind() + ", " + memoryMb() + " MB, container " + containerId.substring(0, 12) + ")";
    }
}
