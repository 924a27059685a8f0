package org.serverlessbench.openwhisk.junit.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.serverlessbench.openwhisk.client.ActionPut;
import org.serverlessbench.openwhisk.client.Exec;
import org.serverlessbench.openwhisk.client.InvokeOptions;
import org.serverlessbench.openwhisk.client.InvokeResult;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.junit.ConfigurationKeys;
import org.serverlessbench.openwhisk.report.Calibration;

/**
 * Measures the floor of a run once, at its start ({@code openwhisk.calibration}, {@code openwhisk.calibration.calls}):
 * the median client time of warm blocking invocations of a no-op action deployed on the target for the purpose
 * (deleted again afterwards), and of HTTP requests from the JDK's HTTP client to the JDK's HTTP server echoing the
 * request on 127.0.0.1. Each is first called {@code calls} times unmeasured (the action's cold start, the
 * connection's set-up and the JIT compilation of both sides, which at the start of a run otherwise put the "floor"
 * above the run's own warm invocations), then {@code calls} times measured, one after the other. What cannot be
 * measured is recorded as not measured with the reason, never failing the run.
 */
final class SelfCalibration {

    static final int DEFAULT_CALLS = 20;
    static final int MAX_CALLS = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ECHO_TEXT = "calibration-20-bytes";
    private static final String ECHO_HEADER = "X-Echo";

    private SelfCalibration() {}

    /** The number of calls to measure, or empty when calibration is switched off. */
    static Optional<Integer> calls(Function<String, Optional<String>> parameters) {
        String enabled = parameters.apply(ConfigurationKeys.CALIBRATION).map(String::strip).orElse("true");
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new ExtensionConfigurationException("Configuration parameter " + ConfigurationKeys.CALIBRATION
                    + " is \"" + enabled + "\", but must be true or false (default true)");
        }
        Optional<String> text = parameters.apply(ConfigurationKeys.CALIBRATION_CALLS).map(String::strip)
                .filter(value -> !value.isEmpty());
        int calls = DEFAULT_CALLS;
        if (text.isPresent()) {
            try {
                calls = Integer.parseInt(text.get());
            } catch (NumberFormatException e) {
                calls = -1;
            }
            if (calls < 1 || calls > MAX_CALLS) {
                throw new ExtensionConfigurationException("Configuration parameter "
                        + ConfigurationKeys.CALIBRATION_CALLS + " is \"" + text.get() + "\", but must be a whole"
                        + " number from 1 to " + MAX_CALLS + " (default " + DEFAULT_CALLS + ")");
            }
        }
        return enabled.equals("true") ? Optional.of(calls) : Optional.empty();
    }

    /** Measures both figures with {@code calls} calls each; the no-op action is deployed as {@code actionName}. */
    static Calibration measure(OpenWhiskClient client, RuntimeKinds kinds, String actionName, int calls) {
        StringBuilder method = new StringBuilder();
        Long action = null;
        try {
            action = noOpAction(client, kinds, actionName, calls, method);
        } catch (RuntimeException e) { // OpenWhiskException included: the target refused the action or a call
            method.append("no-op action not measured: ").append(e.getMessage()).append("; ");
        }
        Long echo = null;
        try {
            echo = httpEcho(calls);
            method.append("HTTP echo: median of ").append(calls).append(" GETs from java.net.http.HttpClient"
                    + " (HTTP/1.1, one kept-alive connection) to a com.sun.net.httpserver on 127.0.0.1 that answers"
                    + " with the request's ").append(ECHO_TEXT.length()).append("-byte query in a header and no body"
                    + " (one write each way), after as many unmeasured ones");
        } catch (IOException | RuntimeException e) {
            method.append("HTTP echo not measured: ").append(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            method.append("HTTP echo not measured: interrupted");
        }
        return new Calibration(action, echo, calls, method.toString());
    }

    private static Long noOpAction(OpenWhiskClient client, RuntimeKinds kinds, String actionName, int calls,
            StringBuilder method) {
        String kind = kinds.resolve("nodejs:default");
        Exec exec = Exec.code(kind, "function main(params) { return {}; }");
        if (!kinds.kinds().isEmpty() && !kinds.kinds().contains(kind)) {
            kind = kinds.resolve("python:default");
            exec = Exec.code(kind, "def main(args):\n    return {}\n");
        }
        client.updateAction(actionName, ActionPut.newBuilder().exec(exec).build());
        try {
            InvokeOptions options = InvokeOptions.blocking().withTimeout(TIMEOUT);
            for (int i = 0; i < calls; i++) {
                invoke(client, actionName, options);
            }
            long[] times = new long[calls];
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                invoke(client, actionName, options);
                times[i] = (System.nanoTime() - start) / 1_000;
            }
            method.append("no-op action: median of ").append(calls).append(" blocking invocations of a ").append(kind)
                    .append(" action returning {} through the REST API, after as many unmeasured ones (the first cold);"
                            + " ");
            return median(times);
        } finally {
            client.deleteAction(actionName);
        }
    }

    private static void invoke(OpenWhiskClient client, String actionName, InvokeOptions options) {
        InvokeResult result = client.invoke(actionName, Map.of(), options);
        if (!result.success()) {
            throw new IllegalStateException("the no-op action " + actionName + " did not succeed (HTTP "
                    + result.httpStatus() + ", activation " + result.activationId() + ")");
        }
    }

    private static long httpEcho(int calls) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "openwhisk-calibration-echo");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        // Headers only: a body written after the headers would be a second small segment, which Nagle's algorithm
        // holds until the client's delayed ACK (about 40 ms on Linux), measuring TCP's timers instead of HTTP.
        server.createContext("/", exchange -> {
            try {
                exchange.getResponseHeaders().set(ECHO_HEADER, exchange.getRequestURI().getRawQuery());
                exchange.sendResponseHeaders(200, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(TIMEOUT).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress()
                    .getPort() + "/echo?" + ECHO_TEXT)).timeout(TIMEOUT).GET().build();
            for (int i = 0; i < calls; i++) {
                send(http, request);
            }
            long[] times = new long[calls];
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                send(http, request);
                times[i] = (System.nanoTime() - start) / 1_000;
            }
            return median(times);
        } finally {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private static void send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200 || !response.headers().firstValue(ECHO_HEADER).orElse("").equals(ECHO_TEXT)) {
            throw new IOException("the echo answered HTTP " + response.statusCode() + " with " + ECHO_HEADER + ": "
                    + response.headers().firstValue(ECHO_HEADER).orElse("(none)"));
        }
    }

    /** The nearest-rank median (a measured value), as the summary's p50. */
    private static long median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length / 2.0) - 1];
    }
}
