package org.serverlessbench.openwhisk.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.serverlessbench.openwhisk.embedded.runtime.ActionContainer;
import org.serverlessbench.openwhisk.embedded.runtime.ContainerCrashedException;
import org.serverlessbench.openwhisk.embedded.runtime.ContainerTimeoutException;
import org.serverlessbench.openwhisk.embedded.runtime.LogLine;
import org.serverlessbench.openwhisk.embedded.runtime.RuntimeResponse;

/**
 * An action runtime in a Docker container, spoken to over HTTP on a port on 127.0.0.1 (its own with host networking,
 * or the one the engine published). It pauses itself after {@code pauseGrace} without work and resumes on the next
 * call, as OpenWhisk's invoker pauses idle warm containers.
 */
final class DockerActionContainer implements ActionContainer {

    private static final MediaType JSON = MediaType.get("application/json");

    private final String id;
    private final String containerId;
    private final String kind;
    private final int memoryMb;
    private final DockerClient docker;
    private final OkHttpClient http;
    private final HttpUrl initUrl;
    private final HttpUrl runUrl;
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
            OkHttpClient http, ContainerLogs logs, Closeable logStream, ScheduledExecutorService pauser,
            Duration pauseGrace, Consumer<DockerActionContainer> onClose) {
        this.id = id;
        this.containerId = containerId;
        this.kind = kind;
        this.memoryMb = memoryMb;
        this.docker = docker;
        this.http = http;
        HttpUrl base = new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(port).build();
        this.initUrl = base.resolve("/init");
        this.runUrl = base.resolve("/run");
        this.logs = logs;
        this.logStream = logStream;
        this.pauser = pauser;
        this.pauseGrace = pauseGrace;
        this.onClose = onClose;
    }

    @Override
    public String id() {
        return id;
    }

    String containerId() {
        return containerId;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public int memoryMb() {
        return memoryMb;
    }

    synchronized boolean paused() {
        return paused;
    }

    @Override
    public RuntimeResponse init(String body, Duration timeout) throws ContainerTimeoutException,
            ContainerCrashedException {
        return post(initUrl, "/init", body, timeout);
    }

    @Override
    public RuntimeResponse run(String body, Duration timeout) throws ContainerTimeoutException,
            ContainerCrashedException {
        return post(runUrl, "/run", body, timeout);
    }

    private RuntimeResponse post(HttpUrl url, String endpoint, String body, Duration timeout)
            throws ContainerTimeoutException, ContainerCrashedException {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout for " + endpoint + " on container " + id
                    + " must be positive, not " + timeout);
        }
        resume(endpoint);
        Call call = http.newCall(new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build());
        call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            return new RuntimeResponse(response.code(), response.body().string());
        } catch (InterruptedIOException e) {
            if (call.isCanceled() || "timeout".equals(e.getMessage())) {
                close();
                throw new ContainerTimeoutException("Container " + id + " (" + kind + ") did not answer " + endpoint
                        + " within " + timeout.toMillis() + " ms; it was removed");
            }
            throw crashed(endpoint, e);
        } catch (IOException e) {
            throw crashed(endpoint, e);
        } finally {
            schedulePause();
        }
    }

    /** Unpauses a paused container and cancels a pending pause, so the call finds it running. */
    private synchronized void resume(String endpoint) throws ContainerCrashedException {
        if (closed) {
            throw new ContainerCrashedException("Container " + id + " (" + kind + ") was already removed; "
                    + endpoint + " cannot be sent to it", null);
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
                throw new ContainerCrashedException("Container " + id + " (" + kind + ") could not be unpaused"
                        + " for " + endpoint + ": " + e.getMessage(), e);
            }
        }
    }

    private synchronized void schedulePause() {
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
            System.err.println("[openwhisk-docker] pausing idle container " + id + " failed: " + e.getMessage());
        }
    }

    private ContainerCrashedException crashed(String endpoint, IOException cause) {
        String state;
        try {
            InspectContainerResponse.ContainerState container = docker.inspectContainerCmd(containerId).exec()
                    .getState();
            state = Boolean.TRUE.equals(container.getRunning())
                    ? "it is still running but dropped the connection"
                    : "it exited with code " + container.getExitCodeLong()
                            + (Boolean.TRUE.equals(container.getOOMKilled()) ? " (killed: out of memory)" : "");
        } catch (NotFoundException e) {
            state = "it no longer exists";
        } catch (RuntimeException e) {
            state = "its state is unknown (" + e.getMessage() + ")";
        }
        return new ContainerCrashedException("Container " + id + " (" + kind + ") did not answer " + endpoint + ": "
                + state + " (" + cause.getMessage() + ")", cause);
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
            System.err.println("[openwhisk-docker] removing container " + id + " (" + containerId + ") failed: "
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
        return id + " (" + kind + ", " + memoryMb + " MB, container " + containerId.substring(0, 12) + ")";
    }
}
