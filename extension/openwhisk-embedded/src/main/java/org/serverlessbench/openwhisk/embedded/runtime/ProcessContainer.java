package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** An action runtime running as a local process, spoken to over HTTP on a loopback port. */
final class ProcessContainer implements ActionContainer {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final String id;
    private final String kind;
    private final int memoryMb;
    private final Process process;
    private final ProcessOutput output;
    private final OkHttpClient http;
    private final CallDeadlines deadlines;
    /** Set once by {@link #listensOn}, before the factory hands the container out. */
    private volatile HttpUrl initUrl;
    private volatile HttpUrl runUrl;
    private final Path directory;
    private final ContainerCgroup cgroup;
    private final String marker;
    private final Consumer<ProcessContainer> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    ProcessContainer(String id, String kind, int memoryMb, Process process, ProcessOutput output, OkHttpClient http,
            CallDeadlines deadlines, Path directory, ContainerCgroup cgroup, String marker,
            Consumer<ProcessContainer> onClose) {
        this.id = id;
        this.kind = kind;
        this.memoryMb = memoryMb;
        this.process = process;
        this.output = output;
        this.http = http;
        this.deadlines = deadlines;
        this.directory = directory;
        this.cgroup = cgroup;
        this.marker = marker;
        this.onClose = onClose;
    }

    /** The loopback port the runtime process bound and announced itself (it is never chosen for it). */
    void listensOn(int port) {
        HttpUrl base = new HttpUrl.Builder().scheme("http").host(InetAddress.getLoopbackAddress().getHostAddress())
                .port(port).build();
        this.initUrl = base.resolve("/init");
        this.runUrl = base.resolve("/run");
    }

    /** The announced port, or -1 before {@link #listensOn}. */
    int port() {
        HttpUrl url = runUrl;
        return url == null ? -1 : url.port();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public int memoryMb() {
        return memoryMb;
    }

    Process process() {
        return process;
    }

    /** The container's cgroup, or {@code null} where cgroups are not available. */
    ContainerCgroup cgroup() {
        return cgroup;
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
        if (closed.get()) {
            throw new ContainerCrashedException("Container " + id + " (" + kind + ") was already closed; "
                    + endpoint + " cannot be sent to it", null);
        }
        if (url == null) {
            throw new IllegalStateException("Container " + id + " (" + kind + ") has not announced its port yet");
        }
        Call call = http.newCall(new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build());
        CallDeadlines.Watch watch = deadlines.watch(call, System.nanoTime() + timeout.toNanos());
        try (watch; Response response = call.execute()) {
            return new RuntimeResponse(response.code(), response.body().string());
        } catch (IOException e) {
            if (!watch.expired()) {
                throw crashed(endpoint, e);
            }
            close();
            throw new ContainerTimeoutException("Container " + id + " (" + kind + ") did not answer " + endpoint
                    + " within " + timeout.toMillis() + " ms; its process was killed");
        }
    }

    private ContainerCrashedException crashed(String endpoint, IOException cause) {
        String state;
        try {
            state = process.waitFor(200, TimeUnit.MILLISECONDS)
                    ? "its process exited with code " + process.exitValue()
                    : "its process is still running but dropped the connection";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = "its process state is unknown (interrupted)";
        }
        return new ContainerCrashedException("Container " + id + " (" + kind + ") did not answer " + endpoint + ": "
                + state + " (" + cause.getMessage() + ")", cause);
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
        return id + " (" + kind + ", " + memoryMb + " MB, pid " + process.pid() + ")";
    }
}
