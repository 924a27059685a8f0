package org.serverlessbench.openwhisk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class ErrorAndRetryTest extends MockOpenWhiskTest {

    @Test
    void unauthorizedNamesTheAuthSourceButNeverTheKey() {
        // A hostile server that echoes the credentials back must not make them appear either.
        openWhisk.server.enqueue(new mockwebserver3.MockResponse.Builder().code(401)
                .addHeader("WWW-Authenticate", "Basic realm=\"OpenWhisk secure realm\"")
                .body("{\"error\":\"The supplied authentication is invalid: " + MockOpenWhisk.AUTH + " / "
                        + MockOpenWhisk.BASIC + "\",\"code\":\"tx1\"}")
                .build());

        assertThatThrownBy(() -> client.invoke("hello", Map.of(), InvokeOptions.blocking()))
                .isInstanceOfSatisfying(OpenWhiskAuthenticationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.errorCode()).isEqualTo("tx1");
                    assertThat(e.errorMessage()).doesNotContain(MockOpenWhisk.KEY)
                            .doesNotContain(MockOpenWhisk.BASIC.substring("Basic ".length()));
                })
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("auth key from builder")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(MockOpenWhisk.KEY)
                        .doesNotContain(MockOpenWhisk.BASIC.substring("Basic ".length())));
    }

    @Test
    void configurationToStringMasksTheKey() {
        assertThat(client.configuration().toString())
                .contains("23bc46b1-71f6-4ed5-8c54-816aa4f8c502:****")
                .doesNotContain(MockOpenWhisk.KEY);
        assertThat(client.toString()).doesNotContain(MockOpenWhisk.KEY);
        assertThat(client.configuration().auth().toString())
                .isEqualTo("23bc46b1-71f6-4ed5-8c54-816aa4f8c502:**** (from builder)");
        assertThat(client.configuration().auth().value()).isEqualTo(MockOpenWhisk.AUTH);
    }

    @Test
    void forbiddenIsAnAuthenticationExceptionNamingUserAndNamespace() {
        openWhisk.enqueueError(403, "The supplied authentication is not authorized to access this resource.");

        assertThatThrownBy(() -> client.getAction("/other/hello", false))
                .isInstanceOf(OpenWhiskAuthenticationException.class)
                .hasMessageContaining("user 23bc46b1-71f6-4ed5-8c54-816aa4f8c502")
                .hasMessageContaining("/api/v1/namespaces/other/actions/hello")
                .hasMessageNotContaining(MockOpenWhisk.KEY);
    }

    @Test
    void throttledIsRetriedThenGivenUpAfterMaxAttempts() {
        for (int i = 0; i < 3; i++) {
            openWhisk.enqueueError(429, "Too many requests in the last minute (count: 61, allowed: 60).");
        }

        assertThatThrownBy(() -> client.invoke("hello", Map.of(), InvokeOptions.blocking()))
                .isInstanceOfSatisfying(OpenWhiskThrottledException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.errorMessage()).startsWith("Too many requests in the last minute");
                })
                .hasMessageContaining("after 3 attempt(s)");
        assertThat(openWhisk.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void maxAttemptsBoundsTheTries() {
        try (OpenWhiskClient once = openWhisk.clientBuilder().maxAttempts(1).build()) {
            openWhisk.enqueueError(429, "Too many concurrent requests in flight (count: 31, allowed: 30).");
            openWhisk.enqueue(200, Records.success("{}"));

            assertThatThrownBy(() -> once.invoke("hello", Map.of(), InvokeOptions.blocking()))
                    .isInstanceOf(OpenWhiskThrottledException.class);
            assertThat(openWhisk.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void unavailableIsRetriedAndTheLaterSuccessReturned() {
        openWhisk.enqueueError(503, "Service Unavailable");
        openWhisk.enqueueError(503, "Service Unavailable");
        openWhisk.enqueue(200, Records.success("{\"ok\":true}"));

        InvokeResult result = client.invoke("hello", Map.of(), InvokeOptions.blocking());

        assertThat(result.result()).isEqualTo(Map.of("ok", true));
        assertThat(openWhisk.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void retriesPauseWithGrowingBackoff() {
        try (OpenWhiskClient patient = openWhisk.clientBuilder().retryBackoff(Duration.ofMillis(100)).build()) {
            openWhisk.enqueueError(503, "Service Unavailable");
            openWhisk.enqueueError(503, "Service Unavailable");
            openWhisk.enqueue(200, "[\"guest\"]");

            long start = System.nanoTime();
            assertThat(patient.listNamespaces()).containsExactly("guest");
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(elapsedMillis).isGreaterThanOrEqualTo(300); // 100 ms, then 200 ms
        }
    }

    @Test
    void otherServerErrorsAreNotRetried() {
        openWhisk.enqueueError(504, "Gateway Timeout");

        assertThatThrownBy(client::listNamespaces)
                .isInstanceOfSatisfying(OpenWhiskServerException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(504));
        assertThat(openWhisk.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void conflictOnCreateCarriesTheEntity() {
        openWhisk.enqueueError(409, "resource already exists");

        assertThatThrownBy(() -> client.createAction("hello", ActionPut.newBuilder()
                .exec(Exec.code("nodejs:20", "function main(){}")).build()))
                .isInstanceOfSatisfying(OpenWhiskConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.errorMessage()).isEqualTo("resource already exists");
                    assertThat(e.operation()).isEqualTo("create action");
                    assertThat(e.entity()).isEqualTo("hello");
                });
    }

    @Test
    void badRequestKeepsOpenWhisksText() {
        openWhisk.enqueueError(400, "Timeout must be number of milliseconds up to 60000.");

        assertThatThrownBy(() -> client.invoke("hello", Map.of(),
                InvokeOptions.blocking().withTimeout(Duration.ofMinutes(5))))
                .isInstanceOfSatisfying(OpenWhiskRequestException.class,
                        e -> assertThat(e.errorMessage()).isEqualTo(
                                "Timeout must be number of milliseconds up to 60000."));
    }

    @Test
    void aNonJsonErrorBodyBecomesTheErrorText() {
        openWhisk.server.enqueue(new mockwebserver3.MockResponse.Builder().code(502)
                .body("<html>Bad Gateway from a proxy</html>").build());

        assertThatThrownBy(client::listNamespaces)
                .isInstanceOfSatisfying(OpenWhiskServerException.class, e -> {
                    assertThat(e.errorMessage()).isEqualTo("<html>Bad Gateway from a proxy</html>");
                    assertThat(e.errorCode()).isNull();
                });
    }

    @Test
    void anUnreadable200IsReportedAsAnUnexpectedAnswer() {
        openWhisk.enqueue(200, "{\"not\":\"a list\"}");

        assertThatThrownBy(client::listNamespaces)
                .isInstanceOf(OpenWhiskServerException.class)
                .hasMessageContaining("Unexpected answer from OpenWhisk on list namespaces")
                .hasMessageContaining("list of String");
    }

    @Test
    void noServerIsAConnectionExceptionWithStatusZeroNamingTheApiHostSource() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (OpenWhiskClient nowhere = openWhisk.clientBuilder().apiHost("http://127.0.0.1:" + closedPort).build()) {
            assertThatThrownBy(() -> nowhere.getAction("hello", true))
                    .isInstanceOfSatisfying(OpenWhiskConnectionException.class, e -> {
                        assertThat(e.statusCode()).isZero();
                        assertThat(e.entity()).isEqualTo("hello");
                    })
                    .hasMessageContaining("No answer from OpenWhisk on get action 'hello'")
                    .hasMessageContaining("http://127.0.0.1:" + closedPort + " (from builder)")
                    .hasMessageNotContaining(MockOpenWhisk.KEY);
        }
    }

    @Test
    void retryLogLinesNeverContainTheKey() {
        Logger logger = Logger.getLogger("org.serverlessbench.openwhisk.client");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Handler handler = new StreamHandler(new PrintStream(captured, true, StandardCharsets.UTF_8),
                new SimpleFormatter());
        handler.setLevel(Level.ALL);
        Level previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        try {
            openWhisk.enqueueError(429, "Too many requests");
            openWhisk.enqueue(200, "[\"guest\"]");
            client.listNamespaces();
            handler.flush();
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("HTTP 429 on list namespaces").doesNotContain(MockOpenWhisk.KEY);
    }
}
