package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

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
    /** How long a readiness probe may take; a runtime that is up answers one in well under a millisecond. */
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);
    /**
     * Connections kept open for reuse, over all containers: at least as many as calls can be in progress at once, or
     * each call beyond the bound opens a connection that is closed again when it ends. With one call per container
     * the pool's memory bounds them (4096 MB / 128 MB = 32 by default); an action's limits.concurrency (up to 500 per
     * container) allows many more.
     */
    private static final int MAX_CONNECTIONS = 1024;
    /** Idle connections (to containers that are gone, mostly) are closed after this long, by one sweeper thread. */
    private static final TimeValue IDLE_EVICTION = TimeValue.ofMinutes(5);
    /**
     * A connection idle this long is checked before reuse (a read of at most 1 ms), so that one the runtime closed
     * meanwhile is not given a {@code /run} that would then fail as a crash.
     */
    private static final TimeValue CHECK_AFTER_IDLE = TimeValue.ofSeconds(10);

    private final PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(MAX_CONNECTIONS)
            .setMaxConnPerRoute(MAX_CONNECTIONS)
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofSeconds(5))
                    .setSocketTimeout(Timeout.DISABLED)
                    .setValidateAfterInactivity(CHECK_AFTER_IDLE)
                    .build())
            .build();
    /**
     * Blocking I/O on the caller's thread and no thread woken per call (OkHttp's connection pool scheduled its cleanup
     * task on every released connection, which woke its task runner's threads several times per {@code /run}); no
     * proxy (system properties are not read), no retries, redirects, cookies or compression.
     */
    private final CloseableHttpClient http = HttpClients.custom()
            .setConnectionManager(connections)
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .evictIdleConnections(IDLE_EVICTION)
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
        HttpGet probe = new HttpGet(new Endpoint(port).base);
        try (CallDeadlines.Watch watch = deadlines.watch(probe::cancel, System.nanoTime() + PROBE_TIMEOUT.toNanos())) {
            http.execute(probe, response -> {
                EntityUtils.consume(response.getEntity());
                return null;
            });
            return !watch.expired();
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        http.close(CloseMode.IMMEDIATE);
        deadlines.close();
    }

    /** {@code /init} and {@code /run} of one runtime. */
    final class Endpoint {
        private final String base;
        private final String init;
        private final String run;
        private final int port;

        private Endpoint(int port) {
            this.port = port;
            this.base = "http://" + LOOPBACK.getHostAddress() + ":" + port + "/";
            this.init = base + "init";
            this.run = base + "run";
        }

        int port() {
            return port;
        }

        /**
         * Posts {@code body} to {@code /init} or {@code /run}, cancelled at the deadline.
         *
         * @throws DeadlinePassed when the deadline cancelled the call
         * @throws IOException    when the connection failed or was dropped before an answer
         */
        RuntimeResponse post(String path, String body, Duration timeout) throws DeadlinePassed, IOException {
            HttpPost post = new HttpPost("/init".equals(path) ? init : run);
            post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
            CallDeadlines.Watch watch = deadlines.watch(post::cancel, System.nanoTime() + timeout.toNanos());
            try (watch) {
                return http.execute(post, Endpoint::answer);
            } catch (IOException e) {
                if (watch.expired()) {
                    throw new DeadlinePassed();
                }
                throw e;
            }
        }

        /** The body decoded in the charset its content type names, else UTF-8; read as bytes, without a reader. */
        private static RuntimeResponse answer(ClassicHttpResponse response) throws IOException {
            HttpEntity entity = response.getEntity();
            if (entity == null) {
                return new RuntimeResponse(response.getCode(), "");
            }
            ContentType type = ContentType.parseLenient(entity.getContentType());
            Charset charset = type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
            return new RuntimeResponse(response.getCode(), new String(EntityUtils.toByteArray(entity), charset));
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
