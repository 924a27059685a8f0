package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.time.Duration;

/**
 * What every container of the embedded OpenWhisk does the same way, whatever runs the runtime (a local process, a
 * Docker container): {@code POST /init} and {@code /run} through one {@link RuntimeHttp} with its deadlines, and the
 * same failure contract: past the deadline the container is closed and {@link ContainerTimeoutException} thrown; a
 * dropped connection is a {@link ContainerCrashedException} that says what became of the runtime.
 */
public abstract class HttpActionContainer implements ActionContainer {

    private final String id;
    private final String kind;
    private final int memoryMb;
    private final RuntimeHttp http;
    /** Set once: by the constructor, or by {@link #listensOn} before the factory hands the container out. */
    private volatile RuntimeHttp.Endpoint endpoint;

    /** A container whose runtime listens on 127.0.0.1:{@code port}. */
    protected HttpActionContainer(String id, String kind, int memoryMb, RuntimeHttp http, int port) {
        this(id, kind, memoryMb, http);
        listensOn(port);
    }

    /**
     * A container whose runtime has not told its port yet (it binds port 0 and announces the port it got); its
     * factory calls {@link #listensOn} once it has.
     */
    protected HttpActionContainer(String id, String kind, int memoryMb, RuntimeHttp http) {
        this.id = id;
        this.kind = kind;
        this.memoryMb = memoryMb;
        this.http = http;
    }

    /** The port on 127.0.0.1 the runtime listens on; set once, before the first call. */
    protected final synchronized void listensOn(int port) {
        if (endpoint != null) {
            throw new IllegalStateException("Container " + id + " (" + kind + ") already listens on 127.0.0.1:"
                    + endpoint.port() + "; it cannot move to " + port);
        }
        endpoint = http.endpoint(port);
    }

    /** The runtime's port on 127.0.0.1, or -1 before {@link #listensOn}. */
    protected final int port() {
        RuntimeHttp.Endpoint known = endpoint;
        return known == null ? -1 : known.port();
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final int memoryMb() {
        return memoryMb;
    }

    @Override
    public final RuntimeResponse init(String body, Duration timeout) throws ContainerTimeoutException,
            ContainerCrashedException {
        return post("/init", body, timeout);
    }

    @Override
    public final RuntimeResponse run(String body, Duration timeout) throws ContainerTimeoutException,
            ContainerCrashedException {
        return post("/run", body, timeout);
    }

    private RuntimeResponse post(String path, String body, Duration timeout) throws ContainerTimeoutException,
            ContainerCrashedException {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout for " + path + " on container " + id
                    + " must be positive, not " + timeout);
        }
        RuntimeHttp.Endpoint known = endpoint;
        if (known == null) {
            throw new IllegalStateException("Container " + id + " (" + kind + ") has not announced its port yet");
        }
        beforeCall(path);
        try {
            return known.post(path, body, timeout);
        } catch (RuntimeHttp.DeadlinePassed e) {
            close();
            throw new ContainerTimeoutException("Container " + id + " (" + kind + ") did not answer " + path
                    + " within " + timeout.toMillis() + " ms; " + removal());
        } catch (IOException e) {
            throw new ContainerCrashedException("Container " + id + " (" + kind + ") did not answer " + path + ": "
                    + describeFailure() + " (" + e.getMessage() + ")", e);
        } finally {
            afterCall();
        }
    }

    /**
     * Runs before each call: throws when the container can take no call (it was closed), and makes it ready for one
     * (a paused Docker container is unpaused).
     */
    protected abstract void beforeCall(String path) throws ContainerCrashedException;

    /** Runs after each call, whatever its outcome. */
    protected void afterCall() {
    }

    /** What became of the runtime after it dropped a connection, such as "its process exited with code 1". */
    protected abstract String describeFailure();

    /** How a container that passed its deadline was removed, such as "its process was killed". */
    protected abstract String removal();

    /** The message for a call to a closed container. */
    protected final ContainerCrashedException closedContainer(String path) {
        return new ContainerCrashedException("Container " + id + " (" + kind + ") was already closed; " + path
                + " cannot be sent to it", null);
    }
}
