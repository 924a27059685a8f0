package org.serverlessbench.openwhisk.embedded.controller;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The controller's HTTP/1.1 server: Jetty's core {@link Handler} API on 127.0.0.1, configured for an exposed port
 * (see {@link ServerLimits}). Each request goes to the controller on the thread that read it: for a blocking
 * handler Jetty's adaptive execution strategy hands selecting on to another thread and runs the request where it
 * was read, so a warm activation runs without a thread switch.
 */
final class JettyServer implements AutoCloseable {
    /** Held so that the level set on it stays (JUL keeps loggers weakly). */
    private static final java.util.logging.Logger JETTY_LOG = quietJetty();
    private final Server server;
    private final ServerConnector connector;
    private final QueuedThreadPool threads;

    private JettyServer(Server server, ServerConnector connector, QueuedThreadPool threads) {
        this.server = server;
        this.connector = connector;
        this.threads = threads;
    }

    /** Binds 127.0.0.1:{@code port} (0 for an ephemeral port) and serves every request with {@code handler}. */
    static JettyServer start(int port, ServerLimits limits, Consumer<Exchange> handler) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), ServerLimits.MIN_THREADS,
                (int) ServerLimits.THREAD_IDLE_TIMEOUT.toMillis());
        threads.setName("openwhisk-controller");
        // Idle threads all end after the idle timeout (Jetty's default ends one per timeout), so that a burst of
        // connections leaves no lasting threads behind.
        threads.setMaxEvictCount(limits.maxThreads());
        threads.setDaemon(true);
        Server server = new Server(threads);
        server.setStopTimeout(1_000);

        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(ServerLimits.MAX_REQUEST_HEAD_BYTES);
        http.setHttpCompliance(HttpCompliance.RFC9110);
        // Paths are split and decoded by the controller itself and never name files, as with OpenWhisk's Pekko.
        http.setUriCompliance(UriCompliance.LEGACY);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setIdleTimeout(limits.idleTimeout().toMillis());

        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        connector.setAcceptQueueSize(ServerLimits.BACKLOG);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        HeadDeadlines headDeadlines = new HeadDeadlines(connector, threads, limits.headTimeout());
        server.addBean(headDeadlines);

        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        server.setErrorHandler(errors);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback jettyCallback) {
                Callback callback = headDeadlines.track(request, jettyCallback);
                List<String> codings = request.getHeaders().getCSV(HttpHeader.TRANSFER_ENCODING, false);
                if (!codings.isEmpty() && !(codings.size() == 1 && codings.get(0).equalsIgnoreCase("chunked"))) {
                    // Jetty's parser decodes chunked framing only and would pass on the other codings undecoded.
                    response.getHeaders().put(HttpHeader.CONNECTION, "close");
                    Response.writeError(request, response, callback, 501,
                            "Transfer-Encoding " + codings + " is not supported; send the body chunked or with "
                                    + "Content-Length");
                    return true;
                }
                handler.accept(new JettyExchange(request, response, callback));
                return true;
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("starting the HTTP server on 127.0.0.1:" + port + " failed: " + e, e);
        }
        return new JettyServer(server, connector, threads);
    }

    /**
     * Jetty announces each start and stop at INFO, and an embedded OpenWhisk starts once per test class: only its
     * warnings are shown unless the logging configuration sets a level for {@code org.eclipse.jetty}.
     */
    private static java.util.logging.Logger quietJetty() {
        java.util.logging.Logger jetty = java.util.logging.Logger.getLogger("org.eclipse.jetty");
        if (jetty.getLevel() == null) {
            jetty.setLevel(java.util.logging.Level.WARNING);
        }
        return jetty;
    }

    int port() {
        return connector.getLocalPort();
    }

    /** Connections open now, accepted and set up by the server. */
    int openConnections() {
        return connector.getConnectedEndPoints().size();
    }

    /** Runs {@code task} on the server's threads. */
    void execute(Runnable task) {
        threads.execute(task);
    }

    /** Stops accepting, closes every connection and ends the server's threads. */
    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping: the port and threads are released as far as Jetty could
        }
    }
}
