package org.serverlessbench.openwhisk.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A loopback HTTP server that answers every request with the same activation record, as a blocking invoke would. */
final class ClientBenchmarkServer implements AutoCloseable {

    static final String ACTIVATION_ID = "5b1f3c9e8d7a4e2fb6c0a1d2e3f4a5b6";
    static final byte[] ACTIVATION_RECORD = ("{\"activationId\":\"" + ACTIVATION_ID + "\",\"namespace\":\"guest\","
            + "\"name\":\"hello\",\"version\":\"0.0.1\",\"subject\":\"guest\",\"publish\":false,"
            + "\"start\":1764172800000,\"end\":1764172800004,\"duration\":4,"
            + "\"response\":{\"status\":\"success\",\"success\":true,\"result\":{\"greeting\":\"Hello, bench!\","
            + "\"items\":[1,2,3],\"nested\":{\"ok\":true}},\"size\":64},"
            + "\"logs\":[\"2026-11-26T17:00:00.001Z       stdout: handled one request\"],"
            + "\"annotations\":[{\"key\":\"limits\",\"value\":{\"concurrency\":1,\"logs\":10,\"memory\":256,"
            + "\"timeout\":60000}},{\"key\":\"path\",\"value\":\"guest/hello\"},{\"key\":\"kind\","
            + "\"value\":\"nodejs:20\"},{\"key\":\"timeout\",\"value\":false},{\"key\":\"waitTime\",\"value\":2}]}")
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;

    ClientBenchmarkServer() throws IOException {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms per call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-openwhisk-activation-id", ACTIVATION_ID);
            exchange.sendResponseHeaders(200, ACTIVATION_RECORD.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ACTIVATION_RECORD);
            }
        });
        server.start();
    }

    String apiHost() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
