package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The HTTP side of the action runtime protocol, shared by every kind of container (local processes and Docker
 * containers): one connection pool without proxies or retries, and deadlines watched by the invoker's
 * {@link CallDeadlines} ticker rather than OkHttp's per-call timeout, whose watchdog thread costs a thread switch on
 * every call. A container factory owns one and closes it with itself.
 */
public final class RuntimeHttp implements AutoCloseable {

    /**
     * What a runtime prints on stdout, followed by the port, once it listens on the port it bound itself (port 0):
     * the parent never picks a port for it. Every runtime the project ships prints it (the Java one has its own
     * copy: it runs on Java 8 without this module).
     */
    public static final String PORT_ANNOUNCEMENT = "XXX_OPENWHISK_RUNTIME_LISTENS_ON_PORT_XXX ";

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final MediaType JSON = MediaType.get("application/json");
    /** How long a readiness probe may take; a runtime that is up answers one in well under a millisecond. */
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);
    /**
     * Connections kept open for reuse, over all containers: at least as many as calls can be in progress at once, or
     * each call beyond the bound opens a connection that is closed again when it ends. With one call per container
     * the pool's memory bounds them (4096 MB / 128 MB = 32 by default); an action's limits.concurrency (up to 500 per
     * container) allows many more.
     */
    private static final int MAX_IDLE_CONNECTIONS = 1024;

    private final OkHttpClient http = new OkHttpClient.Builder()
            .proxy(Proxy.NO_PROXY)
            .retryOnConnectionFailure(false)
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ZERO)
            .writeTimeout(Duration.ZERO)
            .connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
            .build();
    private final CallDeadlines deadlines = new CallDeadlines();

    /** A connection pool and a deadline ticker of its own, for one container factory. */
    public RuntimeHttp() {
        // fields only
    }

    /**
     * A free port on 127.0.0.1, free when asked: another process may take it before the runtime binds it. Only for
     * Docker runtime images built before runtimes announced their port; every other runtime binds port 0 itself
     * and announces the port it got.
     */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on " + LOOPBACK.getHostAddress(), e);
        }
    }

    /** Whether something accepts connections on 127.0.0.1:{@code port}. */
    public static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 100);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** The runtime listening on 127.0.0.1:{@code port}. */
    Endpoint endpoint(int port) {
        return new Endpoint(port);
    }

    /**
     * Whether an HTTP request to {@code GET /} on 127.0.0.1:{@code port} gets any answer: a runtime behind a port the
     * Docker engine publishes is up only then, since the engine's proxy accepts connections before it is.
     */
    public boolean answers(int port) {
        Call call = http.newCall(new Request.Builder().url(new Endpoint(port).base).get().build());
        try (CallDeadlines.Watch watch = deadlines.watch(call, System.nanoTime() + PROBE_TIMEOUT.toNanos());
             Response ignored = call.execute()) {
            return !watch.expired();
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        http.connectionPool().evictAll();
        deadlines.close();
    }

    /** {@code /init} and {@code /run} of one runtime. */
    final class Endpoint {
        private final HttpUrl base;
        private final HttpUrl init;
        private final HttpUrl run;

        private Endpoint(int port) {
            this.base = new HttpUrl.Builder().scheme("http").host(LOOPBACK.getHostAddress()).port(port)
                    .build();
            this.init = base.resolve("/init");
            this.run = base.resolve("/run");
        }

        int port() {
            return base.port();
        }

        /**
         * Posts {@code body} to {@code /init} or {@code /run}, cancelled at the deadline.
         *
         * @throws DeadlinePassed when the deadline cancelled the call
         * @throws IOException    when the connection failed or was dropped before an answer
         */
        RuntimeResponse post(String path, String body, Duration timeout) throws DeadlinePassed, IOException {
            HttpUrl url = "/init".equals(path) ? init : run;
            Call call = http.newCall(new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build());
            CallDeadlines.Watch watch = deadlines.watch(call, System.nanoTime() + timeout.toNanos());
            try (watch; Response response = call.execute()) {
                return new RuntimeResponse(response.code(), response.body().string());
            } catch (IOException e) {
                if (watch.expired()) {
                    throw new DeadlinePassed();
                }
                throw e;
            }
        }
    }

    /** The call's deadline passed and it was cancelled. */
    static final class DeadlinePassed extends Exception {
        private static final long serialVersionUID = 1L;

        DeadlinePassed() {
            super(null, null, false, false);
        }
    }
}
