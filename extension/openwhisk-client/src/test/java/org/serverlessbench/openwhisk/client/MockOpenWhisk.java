package org.serverlessbench.openwhisk.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer standing in for OpenWhisk, and a client wired to it and to nothing else on the machine. */
final class MockOpenWhisk implements AutoCloseable {

    static final String AUTH =
            "23bc46b1-71f6-4ed5-8c54-816aa4f8c502:123zO3xZCLrMN6v2BKK1dXYFpXlPkccOFqm12CdAsMgRU4VrNZ9lyGVCGuMDGIwP";
    static final String KEY = AUTH.substring(AUTH.indexOf(':') + 1);
    static final String BASIC = "Basic MjNiYzQ2YjEtNzFmNi00ZWQ1LThjNTQtODE2YWE0ZjhjNTAyOjEyM3pPM3haQ0xyTU42djJCS0sxZFhZ"
            + "RnBYbFBrY2NPRnFtMTJDZEFzTWdSVTRWck5aOWx5R1ZDR3VNREdJd1A=";

    final MockWebServer server = new MockWebServer();

    MockOpenWhisk() throws IOException {
        this(true);
    }

    /** @param start false to configure the server (for example TLS) before starting it */
    MockOpenWhisk(boolean start) throws IOException {
        if (start) {
            server.start();
        }
    }

    String apiHost() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    /** Builder isolated from the machine's environment, system properties and ~/.wskprops. */
    OpenWhiskClient.Builder clientBuilder() {
        return OpenWhiskClient.newBuilder()
                .apiHost(apiHost())
                .auth(AUTH)
                .environment(Map.of())
                .configurationParameters(key -> Optional.empty())
                .wskPropertiesFile(Path.of("/nonexistent/wskprops"))
                .retryBackoff(Duration.ofMillis(5));
    }

    OpenWhiskClient client() {
        return clientBuilder().build();
    }

    void enqueue(int code, String json) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(json).build());
    }

    void enqueue(int code, String json, String activationIdHeader) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader("x-openwhisk-activation-id", activationIdHeader).body(json).build());
    }

    void enqueueError(int code, String error) {
        enqueue(code, "{\"error\":\"" + error + "\",\"code\":\"tx42\"}");
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the client sent no request within 5 s");
        }
        return request;
    }

    static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
    }
}
