package org.serverlessbench.openwhisk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class RequestShapeTest extends MockOpenWhiskTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRequestCarriesBasicAuth() throws Exception {
        openWhisk.enqueue(200, "[\"guest\"]");
        client.listNamespaces();

        RecordedRequest request = openWhisk.take();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockOpenWhisk.BASIC);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces");
    }

    @Test
    void requestsReuseOnePooledConnectionAlsoForLongBlockingInvokes() throws Exception {
        openWhisk.enqueue(200, "[\"guest\"]");
        openWhisk.enqueue(200, Records.success("{}"));
        openWhisk.enqueue(200, Records.success("{}"));

        try (OpenWhiskClient shortReads = openWhisk.clientBuilder().readTimeout(Duration.ofSeconds(5)).build()) {
            shortReads.listNamespaces();
            // Both invokes need a longer read timeout than 5 s (70 s and 40 s), yet share the pool.
            shortReads.invoke("hello", Map.of(), InvokeOptions.blocking());
            shortReads.invoke("hello", Map.of(), InvokeOptions.blocking().withTimeout(Duration.ofSeconds(30)));
        }

        for (int exchange = 0; exchange < 3; exchange++) {
            RecordedRequest request = openWhisk.take();
            assertThat(request.getConnectionIndex()).isZero();
            assertThat(request.getExchangeIndex()).isEqualTo(exchange);
        }
    }

    @Test
    void createSendsPutWithoutOverwriteAndOnlyTheFieldsThatAreSet() throws Exception {
        openWhisk.enqueue(200, Records.action("hello", "0.0.1"));
        ActionPut put = ActionPut.newBuilder()
                .exec(Exec.code("nodejs:20", "function main(a) { return a; }"))
                .limits(ActionLimits.none().withMemory(128).withTimeout(3000))
                .parameter("greeting", "hi")
                .annotation("web-export", true)
                .annotation("nothing", null)
                .build();

        client.createAction("hello", put);

        RecordedRequest request = openWhisk.take();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/_/actions/hello");
        assertThat(request.getUrl().queryParameter("overwrite")).isEqualTo("false");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(MockOpenWhisk.body(request));
        assertThat(body.toString()).isEqualTo("{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(a) "
                + "{ return a; }\"},\"limits\":{\"timeout\":3000,\"memory\":128},"
                + "\"parameters\":[{\"key\":\"greeting\",\"value\":\"hi\"}],"
                + "\"annotations\":[{\"key\":\"web-export\",\"value\":true},{\"key\":\"nothing\",\"value\":null}]}");
    }

    @Test
    void updateSendsOverwriteTrue() throws Exception {
        openWhisk.enqueue(200, Records.action("hello", "0.0.2"));

        Action updated = client.updateAction("hello", ActionPut.newBuilder().publish(true).build());

        RecordedRequest request = openWhisk.take();
        assertThat(request.getUrl().queryParameter("overwrite")).isEqualTo("true");
        assertThat(MockOpenWhisk.body(request)).isEqualTo("{\"publish\":true}");
        assertThat(updated.version()).isEqualTo("0.0.2");
    }

    @Test
    void javaActionsSendMain() throws Exception {
        openWhisk.enqueue(200, Records.action("java", "0.0.1"));

        client.createAction("java", ActionPut.newBuilder().exec(Exec.code("java:8", "UEsDBA==", "demo.Main")).build());

        assertThat(MockOpenWhisk.body(openWhisk.take()))
                .isEqualTo("{\"exec\":{\"kind\":\"java:8\",\"code\":\"UEsDBA==\",\"main\":\"demo.Main\"}}");
    }

    @Test
    void namesAreSplitIntoPackageAndActionAndUrlEncoded() throws Exception {
        for (int i = 0; i < 4; i++) {
            openWhisk.enqueue(200, Records.action("x", "0.0.1"));
        }

        client.getAction("my pkg/hello wörld", true);
        client.getAction("/other ns/hello", false);
        client.getAction("/other/pkg/a?b#c", true);
        client.deleteAction("100%");

        RecordedRequest packaged = openWhisk.take();
        assertThat(packaged.getUrl().encodedPath())
                .isEqualTo("/api/v1/namespaces/_/actions/my%20pkg/hello%20w%C3%B6rld");
        assertThat(packaged.getUrl().queryParameter("code")).isNull();
        RecordedRequest qualified = openWhisk.take();
        assertThat(qualified.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/other%20ns/actions/hello");
        assertThat(qualified.getUrl().queryParameter("code")).isEqualTo("false");
        assertThat(openWhisk.take().getUrl().encodedPath())
                .isEqualTo("/api/v1/namespaces/other/actions/pkg/a%3Fb%23c");
        RecordedRequest deleted = openWhisk.take();
        assertThat(deleted.getMethod()).isEqualTo("DELETE");
        assertThat(deleted.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/_/actions/100%25");
    }

    @Test
    void malformedNamesAreRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> client.getAction("a/b/c", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a/b/c'")
                .hasMessageContaining("package/name");
        assertThatThrownBy(() -> client.getPackage("pkg/sub"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.invoke(" ", Map.of(), InvokeOptions.blocking()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("action name is required");
        assertThat(openWhisk.server.getRequestCount()).isZero();
    }

    @Test
    void configuredNamespaceIsUsedInPaths() throws Exception {
        try (OpenWhiskClient guest = openWhisk.clientBuilder().namespace("guest").build()) {
            openWhisk.enqueue(200, "[]");
            guest.listActions(50, 10);

            RecordedRequest request = openWhisk.take();
            assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/guest/actions");
            assertThat(request.getUrl().queryParameter("limit")).isEqualTo("50");
            assertThat(request.getUrl().queryParameter("skip")).isEqualTo("10");
        }
    }

    @Test
    void activationQueriesSendEveryFilterInEpochMillis() throws Exception {
        openWhisk.enqueue(200, "[]");
        openWhisk.enqueue(200, "[]");
        ActivationQuery query = ActivationQuery.newBuilder().name("pkg/hello")
                .since(Instant.ofEpochMilli(1_700_000_000_000L)).upto(Instant.ofEpochMilli(1_700_000_100_000L))
                .limit(200).skip(5).build();

        client.listActivations(query);
        client.listActivationRecords(ActivationQuery.all());

        RecordedRequest summaries = openWhisk.take();
        assertThat(summaries.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/_/activations");
        assertThat(summaries.getUrl().queryParameter("name")).isEqualTo("pkg/hello");
        assertThat(summaries.getUrl().queryParameter("since")).isEqualTo("1700000000000");
        assertThat(summaries.getUrl().queryParameter("upto")).isEqualTo("1700000100000");
        assertThat(summaries.getUrl().queryParameter("limit")).isEqualTo("200");
        assertThat(summaries.getUrl().queryParameter("skip")).isEqualTo("5");
        assertThat(summaries.getUrl().queryParameter("docs")).isNull();
        RecordedRequest records = openWhisk.take();
        assertThat(records.getUrl().queryParameterNames()).containsExactly("docs");
        assertThat(records.getUrl().queryParameter("docs")).isEqualTo("true");
    }

    @Test
    void activationSubresourcesHaveTheirPaths() throws Exception {
        openWhisk.enqueue(200, "{\"logs\":[]}");
        openWhisk.enqueue(200, "{\"status\":\"success\",\"success\":true,\"result\":{}}");

        client.activationLogs(Records.ID);
        client.activationResult(Records.ID);

        assertThat(openWhisk.take().getUrl().encodedPath())
                .isEqualTo("/api/v1/namespaces/_/activations/" + Records.ID + "/logs");
        assertThat(openWhisk.take().getUrl().encodedPath())
                .isEqualTo("/api/v1/namespaces/_/activations/" + Records.ID + "/result");
    }

    @Test
    void packageRequestsSendOverwriteAndForce() throws Exception {
        String pkg = "{\"namespace\":\"guest\",\"name\":\"tools\",\"version\":\"0.0.1\",\"publish\":false,"
                + "\"parameters\":[],\"annotations\":[],\"binding\":{}}";
        for (int i = 0; i < 4; i++) {
            openWhisk.enqueue(200, pkg);
        }

        client.putPackage("tools", new PackagePut(List.of(new KeyValue("region", "eu")), null, null), false);
        client.getPackage("tools");
        client.deletePackage("tools", true);
        client.deletePackage("tools", false);

        RecordedRequest put = openWhisk.take();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getUrl().encodedPath()).isEqualTo("/api/v1/namespaces/_/packages/tools");
        assertThat(put.getUrl().queryParameter("overwrite")).isEqualTo("false");
        assertThat(MockOpenWhisk.body(put)).isEqualTo("{\"parameters\":[{\"key\":\"region\",\"value\":\"eu\"}]}");
        assertThat(openWhisk.take().getMethod()).isEqualTo("GET");
        RecordedRequest forced = openWhisk.take();
        assertThat(forced.getMethod()).isEqualTo("DELETE");
        assertThat(forced.getUrl().queryParameter("force")).isEqualTo("true");
        assertThat(openWhisk.take().getUrl().queryParameter("force")).isNull();
    }

    @Test
    void nullParameterValuesAreSentAsJsonNull() throws Exception {
        openWhisk.enqueue(202, "{\"activationId\":\"" + Records.ID + "\"}");
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("present", 1);
        params.put("absent", null);

        client.invoke("hello", params, InvokeOptions.nonBlocking());

        assertThat(MockOpenWhisk.body(openWhisk.take())).isEqualTo("{\"present\":1,\"absent\":null}");
    }

    @Test
    void invokeBodyCarriesNestedParameters() throws Exception {
        openWhisk.enqueue(202, "{\"activationId\":\"" + Records.ID + "\"}");

        client.invoke("hello", Map.of("list", List.of(1, 2), "nested", Map.of("flag", true)),
                InvokeOptions.nonBlocking());

        JsonNode body = JSON.readTree(MockOpenWhisk.body(openWhisk.take()));
        assertThat(body.get("list").toString()).isEqualTo("[1,2]");
        assertThat(body.get("nested").get("flag").asBoolean()).isTrue();
    }
}
