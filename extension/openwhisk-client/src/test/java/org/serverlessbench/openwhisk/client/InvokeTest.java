package org.serverlessbench.openwhisk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class InvokeTest extends MockOpenWhiskTest {

    @Test
    void blockingInvokeReturnsTheActivationRecordOn200() throws Exception {
        openWhisk.enqueue(200, Records.success("{\"greeting\":\"hi\"}"), Records.ID);

        InvokeResult result = client.invoke("hello", Map.of("name", "x"), InvokeOptions.blocking());

        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.completed()).isTrue();
        assertThat(result.success()).isTrue();
        assertThat(result.activationId()).isEqualTo(Records.ID);
        assertThat(result.result()).isEqualTo(Map.of("greeting", "hi"));
        Activation activation = result.activation();
        assertThat(activation.response().status()).isEqualTo("success");
        assertThat(activation.duration()).isEqualTo(120);
        assertThat(activation.cold()).isTrue();
        assertThat(activation.initTime()).hasValue(35);
        assertThat(activation.logs()).containsExactly("2026-11-26T17:00:00.000Z       stdout: hi");

        RecordedRequest request = openWhisk.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/_/actions/hello");
        assertThat(request.getUrl().queryParameter("blocking")).isEqualTo("true");
        assertThat(request.getUrl().queryParameter("result")).isNull();
        assertThat(request.getUrl().queryParameter("timeout")).isNull();
        assertThat(MockOpenWhisk.body(request)).isEqualTo("{\"name\":\"x\"}");
    }

    @Test
    void resultTrueReturnsTheBareResultAndTheIdFromTheHeader() throws Exception {
        openWhisk.enqueue(200, "{\"greeting\":\"hi\",\"n\":3}", Records.ID);

        InvokeResult result = client.invoke("hello", null,
                InvokeOptions.blocking().withResult(true).withTimeout(Duration.ofSeconds(5)));

        assertThat(result.activation()).isNull();
        assertThat(result.activationId()).isEqualTo(Records.ID);
        assertThat(result.result()).isEqualTo(Map.of("greeting", "hi", "n", 3));
        RecordedRequest request = openWhisk.take();
        assertThat(request.getUrl().queryParameter("result")).isEqualTo("true");
        assertThat(request.getUrl().queryParameter("timeout")).isEqualTo("5000");
        assertThat(MockOpenWhisk.body(request)).isEqualTo("{}");
    }

    @Test
    void anArrayResultComesBackBareEvenWithoutResultTrue() {
        openWhisk.enqueue(200, "[1,\"two\",{\"three\":3}]", Records.ID);

        InvokeResult result = client.invoke("sort", Map.of(), InvokeOptions.blocking());

        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.activation()).isNull();
        assertThat(result.activationId()).isEqualTo(Records.ID);
        assertThat(result.result()).isEqualTo(List.of(1, "two", Map.of("three", 3)));
    }

    @Test
    void nonBlockingInvokeReturnsOnlyTheActivationIdOn202() throws Exception {
        openWhisk.enqueue(202, "{\"activationId\":\"" + Records.ID + "\"}", Records.ID);

        InvokeResult result = client.invoke("hello", Map.of(), InvokeOptions.nonBlocking());

        assertThat(result.httpStatus()).isEqualTo(202);
        assertThat(result.completed()).isFalse();
        assertThat(result.activationId()).isEqualTo(Records.ID);
        assertThat(result.activation()).isNull();
        assertThat(result.result()).isNull();
        assertThat(openWhisk.take().getUrl().queryParameter("blocking")).isEqualTo("false");
    }

    @Test
    void blockingInvokeThatOutlivesItsWaitGives202ThenAwaitPollsUntilTheRecordExists() throws Exception {
        openWhisk.enqueue(202, "{\"activationId\":\"" + Records.ID + "\"}");
        openWhisk.enqueueError(404, "The requested resource does not exist.");
        openWhisk.enqueueError(404, "The requested resource does not exist.");
        openWhisk.enqueue(200, Records.success("{\"done\":true}"));

        InvokeResult accepted = client.invoke("slow", Map.of(), InvokeOptions.blocking());
        long startNanos = System.nanoTime();
        Activation activation = client.awaitActivation(accepted.activationId(), Duration.ofSeconds(10));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);

        assertThat(accepted.completed()).isFalse();
        assertThat(activation.response().result()).isEqualTo(Map.of("done", true));
        // Two pauses of 50 and 100 ms between the three polls.
        assertThat(waitedMillis).isGreaterThanOrEqualTo(150);
        openWhisk.take();
        for (int poll = 0; poll < 3; poll++) {
            RecordedRequest request = openWhisk.take();
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/_/activations/" + Records.ID);
        }
    }

    @Test
    void awaitGivesUpWithATimeoutExceptionNamingTheActivation() {
        for (int i = 0; i < 20; i++) {
            openWhisk.enqueueError(404, "The requested resource does not exist.");
        }

        assertThatThrownBy(() -> client.awaitActivation(Records.ID, Duration.ofMillis(300)))
                .isInstanceOfSatisfying(OpenWhiskTimeoutException.class, e -> {
                    assertThat(e.entity()).isEqualTo(Records.ID);
                    assertThat(e.operation()).isEqualTo("await activation");
                })
                .hasMessageContaining(Records.ID)
                .hasMessageContaining("PT0.3S");
        assertThat(openWhisk.server.getRequestCount()).isBetween(3, 6);
    }

    @Test
    void applicationErrorOn502IsARecordNotAnException() {
        openWhisk.enqueue(502, Records.activation(Records.ID, "application error", "{\"error\":\"bad input\"}", false),
                Records.ID);

        InvokeResult result = client.invoke("hello", Map.of(), InvokeOptions.blocking());

        assertThat(result.httpStatus()).isEqualTo(502);
        assertThat(result.completed()).isTrue();
        assertThat(result.success()).isFalse();
        assertThat(result.activation().response().status()).isEqualTo("application error");
        assertThat(result.activation().response().success()).isFalse();
        assertThat(result.activation().cold()).isFalse();
        assertThat(result.result()).isEqualTo(Map.of("error", "bad input"));
    }

    @Test
    void developerErrorWithResultTrueIsTheErrorResult() {
        openWhisk.enqueue(502, "{\"error\":\"The action did not produce a valid response and exited unexpectedly.\"}",
                Records.ID);

        InvokeResult result = client.invoke("crash", Map.of(), InvokeOptions.blocking().withResult(true));

        assertThat(result.httpStatus()).isEqualTo(502);
        assertThat(result.activationId()).isEqualTo(Records.ID);
        assertThat(result.result()).isEqualTo(
                Map.of("error", "The action did not produce a valid response and exited unexpectedly."));
    }

    @Test
    void internalErrorOn500WithARecordIsARecord() {
        openWhisk.enqueue(500, Records.activation(Records.ID, "whisk internal error", "{\"error\":\"no container\"}",
                false));

        InvokeResult result = client.invoke("hello", Map.of(), InvokeOptions.blocking());

        assertThat(result.httpStatus()).isEqualTo(500);
        assertThat(result.activation().response().status()).isEqualTo("whisk internal error");
    }

    @Test
    void a500WithoutAnActivationIsAServerException() {
        openWhisk.enqueueError(500, "Internal server error");

        assertThatThrownBy(() -> client.invoke("hello", Map.of(), InvokeOptions.blocking()))
                .isInstanceOfSatisfying(OpenWhiskServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.errorMessage()).isEqualTo("Internal server error");
                    assertThat(e.errorCode()).isEqualTo("tx42");
                    assertThat(e.operation()).isEqualTo("invoke action");
                    assertThat(e.entity()).isEqualTo("hello");
                });
    }

    @Test
    void invokeOfAMissingActionIsNotFound() {
        openWhisk.enqueueError(404, "The requested resource does not exist.");

        assertThatThrownBy(() -> client.invoke("pkg/missing", Map.of(), InvokeOptions.blocking()))
                .isInstanceOf(OpenWhiskNotFoundException.class)
                .hasMessageContaining("invoke action 'pkg/missing'")
                .hasMessageContaining("The requested resource does not exist.")
                .hasMessageContaining("[code tx42]");
    }

    @Test
    void payloadTooLargeIsARequestException() {
        openWhisk.enqueueError(413, "Request larger than allowed: 1048600 > 1048576 bytes.");

        assertThatThrownBy(() -> client.invoke("hello", Map.of("big", "x"), InvokeOptions.blocking()))
                .isInstanceOfSatisfying(OpenWhiskRequestException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(413))
                .hasMessageContaining("Request larger than allowed");
    }

    @Test
    void readTimeoutOfABlockingInvokeCoversTheRequestedWait() throws Exception {
        try (OpenWhiskClient impatient = openWhisk.clientBuilder().readTimeout(Duration.ofMillis(200)).build()) {
            openWhisk.server.enqueue(new MockResponse.Builder().code(200)
                    .addHeader("Content-Type", "application/json").body(Records.success("{}"))
                    .headersDelay(600, TimeUnit.MILLISECONDS).build());
            InvokeResult result = impatient.invoke("slow", Map.of(),
                    InvokeOptions.blocking().withTimeout(Duration.ofSeconds(1)));
            assertThat(result.httpStatus()).isEqualTo(200);

            // The same delay on a plain GET runs into the 200 ms read timeout.
            openWhisk.server.enqueue(new MockResponse.Builder().code(200).body(Records.success("{}"))
                    .headersDelay(600, TimeUnit.MILLISECONDS).build());
            assertThatThrownBy(() -> impatient.getActivation(Records.ID))
                    .isInstanceOfSatisfying(OpenWhiskConnectionException.class,
                            e -> assertThat(e.statusCode()).isZero())
                    .hasMessageContaining("get activation '" + Records.ID + "'")
                    .hasMessageContaining("raise the timeouts");
        }
    }
}
