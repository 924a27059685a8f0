package org.serverlessbench.openwhisk.spike;

import java.io.InputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.AbstractNetworkConnector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty 12 configurations for the warm blocking request (docs/embedded-benchmark.md, issue 8's speed target).
 *
 * @param reserved     reserved threads of the pool (-1: Jetty's default)
 * @param tuned        no Date header, pre-encoded header fields, the body read as one buffer instead of an
 *                     InputStream
 * @param blockingConn a thread per connection with blocking reads ({@link BlockingConnector}) instead of the selector
 * @param nonBlocking  the handler declared NON_BLOCKING (the selector thread runs it; a reference, not an option)
 */
record JettyVariants(int reserved, boolean tuned, boolean blockingConn, boolean nonBlocking) {
    static final HttpField ORIGIN = new PreEncodedHttpField("Access-Control-Allow-Origin", "*");
    static final HttpField METHODS = new PreEncodedHttpField("Access-Control-Allow-Methods",
            "GET, DELETE, POST, PUT, HEAD");
    static final HttpField ALLOWED = new PreEncodedHttpField("Access-Control-Allow-Headers",
            "Authorization, Origin, X-Requested-With, Content-Type, Accept, User-Agent");
    static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");

    Object[] start() {
        try {
            QueuedThreadPool threads = new QueuedThreadPool(200, 8, 5000);
            threads.setDaemon(true);
            if (reserved >= 0) {
                threads.setReservedThreads(reserved);
            }
            Server server = new Server(threads);
            HttpConfiguration config = new HttpConfiguration();
            config.setSendServerVersion(false);
            config.setSendDateHeader(!tuned);
            AbstractNetworkConnector connector = blockingConn
                    ? new BlockingConnector(server, new HttpConnectionFactory(config))
                    : new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            server.setHandler(nonBlocking ? new Handler.Abstract.NonBlocking() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) throws Exception {
                    return serve(request, response, callback);
                }
            } : new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) throws Exception {
                    return serve(request, response, callback);
                }
            });
            server.start();
            return new Object[] {connector.getLocalPort(), (AutoCloseable) server::stop};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean serve(Request request, Response response, Callback callback) throws Exception {
        if (tuned) {
            Content.Source.asByteBuffer(request);
        } else {
            try (InputStream body = Content.Source.asInputStream(request)) {
                body.readAllBytes();
            }
        }
        ServerSpike.callBackend();
        response.setStatus(200);
        var f = response.getHeaders();
        if (tuned) {
            f.add(ORIGIN);
            f.add(METHODS);
            f.add(ALLOWED);
            f.put(JSON);
        } else {
            f.add("Access-Control-Allow-Origin", "*");
            f.add("Access-Control-Allow-Methods", "GET, DELETE, POST, PUT, HEAD");
            f.add("Access-Control-Allow-Headers",
                    "Authorization, Origin, X-Requested-With, Content-Type, Accept, User-Agent");
            f.put(HttpHeader.CONTENT_TYPE, "application/json");
        }
        f.put(HttpHeader.CONTENT_LENGTH, ServerSpike.ANSWER.length);
        response.write(true, ByteBuffer.wrap(ServerSpike.ANSWER), callback);
        return true;
    }
}
