package org.serverlessbench.examples;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1 and a free port serving files from memory, standing in for the web server SeBS's
 * 120.uploader downloads from.
 */
final class LocalFileServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    LocalFileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            byte[] content = files.get(exchange.getRequestURI().getPath());
            try (exchange; OutputStream body = exchange.getResponseBody()) {
                if (content == null || !"GET".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, content.length);
                body.write(content);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Serves {@code content} at {@code path} and returns its URL. */
    String serve(String path, byte[] content) {
        files.put(path, content);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
