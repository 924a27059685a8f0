package org.serverlessbench.openwhisk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class OperationsTest extends MockOpenWhiskTest {

    @Test
    void namespacesAndLimits() throws Exception {
        openWhisk.enqueue(200, "[\"guest\"]");
        openWhisk.enqueue(200, "{\"invocationsPerMinute\":60,\"concurrentInvocations\":30,\"firesPerMinute\":60,"
                + "\"minActionMemory\":128,\"maxActionMemory\":512,\"minActionTimeout\":100,"
                + "\"maxActionTimeout\":300000,\"minActionLogs\":0,\"maxActionLogs\":10,"
                + "\"allowedKinds\":[\"nodejs:20\"]}");

        assertThat(client.listNamespaces()).containsExactly("guest");
        NamespaceLimits limits = client.namespaceLimits();

        assertThat(limits.invocationsPerMinute()).isEqualTo(60);
        assertThat(limits.concurrentInvocations()).isEqualTo(30);
        assertThat(limits.minActionMemory()).isEqualTo(128);
        assertThat(limits.maxActionMemory()).isEqualTo(512);
        assertThat(limits.minActionTimeout()).isEqualTo(100);
        assertThat(limits.maxActionTimeout()).isEqualTo(300000);
        assertThat(limits.minActionConcurrency()).isNull();
        openWhisk.take();
        assertThat(openWhisk.take().getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/_/limits");
    }

    @Test
    void runtimesAreReadFromTheApiInfo() throws InterruptedException {
        openWhisk.enqueue(200, "{\"api_paths\":[\"/api/v1\"],\"runtimes\":{\"nodejs\":[{\"kind\":\"nodejs:20\","
                + "\"default\":true,\"deprecated\":false},{\"kind\":\"nodejs:18\",\"default\":false,"
                + "\"deprecated\":true}],\"java\":[{\"kind\":\"java:8\",\"default\":true}]}}");

        Map<String, List<RuntimeKind>> runtimes = client.runtimes();

        assertThat(runtimes.get("nodejs")).containsExactly(new RuntimeKind("nodejs:20", true, false),
                new RuntimeKind("nodejs:18", false, true));
        assertThat(runtimes.get("java")).containsExactly(new RuntimeKind("java:8", true, false));
        assertThat(openWhisk.take().getUrl().encodedPath()).isEqualTo("/api/v1");
    }

    @Test
    void getActionReadsEveryField() {
        openWhisk.enqueue(200, Records.action("hello", "0.0.3"));

        Action action = client.getAction("hello", true);

        assertThat(action.namespace()).isEqualTo("guest");
        assertThat(action.name()).isEqualTo("hello");
        assertThat(action.version()).isEqualTo("0.0.3");
        assertThat(action.publish()).isFalse();
        assertThat(action.exec()).isEqualTo(new Exec("nodejs:20", "function main(a){return a}", false, null, null));
        assertThat(action.limits()).isEqualTo(new ActionLimits(60000, 256, 10, 1));
        assertThat(action.parameters()).containsExactly(new KeyValue("greeting", "hi"));
        assertThat(action.annotation("exec")).contains("nodejs:20");
        assertThat(action.annotation("provide-api-key")).contains(false);
        assertThat(action.annotation("web-export")).isEmpty();
        assertThat(action.parameter("greeting")).contains("hi");
        assertThat(action.updated()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void listActionsToleratesSummariesWithoutCode() {
        openWhisk.enqueue(200, "[{\"namespace\":\"guest/pkg\",\"name\":\"a\",\"version\":\"0.0.1\","
                + "\"publish\":false,\"exec\":{\"binary\":false},\"annotations\":[],\"limits\":{\"memory\":256}}]");

        List<Action> actions = client.listActions(30, 0);

        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action.namespace()).isEqualTo("guest/pkg");
            assertThat(action.exec().code()).isNull();
            assertThat(action.parameters()).isEmpty();
            assertThat(action.updated()).isNull();
        });
    }

    @Test
    void findActionIsEmptyOn404AndPresentOtherwise() throws Exception {
        openWhisk.enqueueError(404, "The requested resource does not exist.");
        openWhisk.enqueue(200, Records.action("hello", "0.0.1"));

        assertThat(client.findAction("missing")).isEmpty();
        assertThat(client.findAction("hello")).map(Action::name).contains("hello");
        assertThat(openWhisk.take().getUrl().queryParameter("code")).isEqualTo("false");
    }

    @Test
    void getActionOfAMissingActionIsNotFoundWithEntity() {
        openWhisk.enqueueError(404, "The requested resource does not exist.");

        assertThatThrownBy(() -> client.getAction("nope", false))
                .isInstanceOfSatisfying(OpenWhiskNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.entity()).isEqualTo("nope");
                    assertThat(e.operation()).isEqualTo("get action");
                    assertThat(e.errorMessage()).isEqualTo("The requested resource does not exist.");
                });
    }

    @Test
    void activationRecordsSummariesLogsAndResult() {
        openWhisk.enqueue(200, Records.activation(Records.ID, "action developer error",
                "{\"error\":\"The action exceeded its time limits of 100 milliseconds.\"}", false)
                .replace("{\"key\":\"timeout\",\"value\":false}", "{\"key\":\"timeout\",\"value\":true}"));
        openWhisk.enqueue(200, "[{\"activationId\":\"" + Records.ID + "\",\"namespace\":\"guest\",\"name\":\"hello\","
                + "\"version\":\"0.0.1\",\"publish\":false,\"start\":10,\"end\":30,\"duration\":20,\"statusCode\":1,"
                + "\"annotations\":[{\"key\":\"path\",\"value\":\"guest/hello\"}]}]");
        openWhisk.enqueue(200, "[" + Records.success("{\"a\":1}") + "]");
        openWhisk.enqueue(200, "{\"logs\":[\"2026-11-26T17:00:00.000Z stdout: one\","
                + "\"2026-11-26T17:00:00.001Z stderr: two\"]}");
        openWhisk.enqueue(200, "{\"status\":\"application error\",\"success\":false,\"result\":{\"error\":\"x\"},"
                + "\"size\":13}");

        Activation timedOut = client.getActivation(Records.ID);
        List<ActivationSummary> summaries = client.listActivations(ActivationQuery.all());
        List<Activation> records = client.listActivationRecords(ActivationQuery.all());
        List<String> logs = client.activationLogs(Records.ID);
        ActivationResponse result = client.activationResult(Records.ID);

        assertThat(timedOut.timedOut()).isTrue();
        assertThat(timedOut.response().status()).isEqualTo(ActivationResponse.DEVELOPER_ERROR);
        assertThat(summaries).singleElement().satisfies(summary -> {
            assertThat(summary.statusCode()).isEqualTo(1);
            assertThat(summary.duration()).isEqualTo(20);
            assertThat(summary.annotation("path")).contains("guest/hello");
        });
        assertThat(records).singleElement().satisfies(record ->
                assertThat(record.response().result()).isEqualTo(Map.of("a", 1)));
        assertThat(logs).containsExactly("2026-11-26T17:00:00.000Z stdout: one",
                "2026-11-26T17:00:00.001Z stderr: two");
        assertThat(result).isEqualTo(new ActivationResponse("application error", false, Map.of("error", "x")));
    }

    @Test
    void packagesRoundTrip() {
        openWhisk.enqueue(200, "{\"namespace\":\"guest\",\"name\":\"tools\",\"version\":\"0.0.2\",\"publish\":true,"
                + "\"parameters\":[{\"key\":\"region\",\"value\":\"eu\"}],"
                + "\"annotations\":[{\"key\":\"description\",\"value\":\"helpers\"}],\"binding\":{}}");

        PackageEntity pkg = client.getPackage("tools");

        assertThat(pkg.name()).isEqualTo("tools");
        assertThat(pkg.publish()).isTrue();
        assertThat(pkg.parameters()).containsExactly(new KeyValue("region", "eu"));
        assertThat(pkg.annotation("description")).contains("helpers");
    }

    @Test
    void deletingANonEmptyPackageIsAConflict() {
        openWhisk.enqueueError(409, "Package not empty (contains 1 entity). Set force param or delete package "
                + "contents.");

        assertThatThrownBy(() -> client.deletePackage("tools", false))
                .isInstanceOfSatisfying(OpenWhiskConflictException.class,
                        e -> assertThat(e.operation()).isEqualTo("delete package"))
                .hasMessageContaining("Package not empty");
    }

    @Test
    void webActionReturnsStatusHeadersBodyAndActivationIdWithoutSendingCredentials() throws Exception {
        openWhisk.server.enqueue(new MockResponse.Builder().code(302)
                .addHeader("Location", "https://example.org/")
                .addHeader("X-Openwhisk-Activation-Id", Records.ID)
                .addHeader("Set-Cookie", "a=1")
                .addHeader("Set-Cookie", "b=2")
                .body("moved").build());
        WebRequest request = WebRequest.newBuilder("demo/page")
                .namespace("guest")
                .extension("http")
                .method("post")
                .header("X-Custom", "yes")
                .body("{\"name\":\"x\"}", "application/json")
                .pathSuffix("/items/1 2")
                .query("a=1&b=%20")
                .build();

        WebResponse response = client.invokeWeb(request);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.activationId()).contains(Records.ID);
        assertThat(response.header("location")).contains("https://example.org/");
        assertThat(response.headers().get("set-cookie")).containsExactly("a=1", "b=2");
        assertThat(response.bodyAsString()).isEqualTo("moved");
        RecordedRequest sent = openWhisk.take();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v1/web/guest/demo/page.http/items/1%202");
        assertThat(sent.getUrl().encodedQuery()).isEqualTo("a=1&b=%20");
        assertThat(sent.getHeaders().get("Authorization")).isNull();
        assertThat(sent.getHeaders().get("X-Custom")).isEqualTo("yes");
        assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(sent.getBody().string(StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"x\"}");
    }

    @Test
    void webActionWithoutNamespaceResolvesTheCallersNamespaceOnce() throws Exception {
        openWhisk.enqueue(200, "[\"guest\"]");
        openWhisk.enqueue(404, "{\"error\":\"The requested resource does not exist.\",\"code\":\"c\"}");
        openWhisk.enqueue(200, "{\"ok\":true}");

        WebResponse missing = client.invokeWeb(WebRequest.newBuilder("missing").extension("json").build());
        WebResponse found = client.invokeWeb(WebRequest.newBuilder("hello").build());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(found.bodyAsString()).isEqualTo("{\"ok\":true}");
        assertThat(openWhisk.take().getUrl().encodedPath()).isEqualTo("/api/v1/namespaces");
        RecordedRequest first = openWhisk.take();
        assertThat(first.getMethod()).isEqualTo("GET");
        assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v1/web/guest/default/missing.json");
        assertThat(openWhisk.take().getUrl().encodedPath()).isEqualTo("/api/v1/web/guest/default/hello");
        assertThat(openWhisk.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void webGetWithABodyIsRejected() {
        WebRequest request = WebRequest.newBuilder("hello").namespace("guest").method("GET")
                .body("x", "text/plain").build();

        assertThatThrownBy(() -> client.invokeWeb(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GET cannot have a body");
    }
}
