package org.serverlessbench.openwhisk.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.client.Action;
import org.serverlessbench.openwhisk.client.ActionLimits;
import org.serverlessbench.openwhisk.client.ActionPut;
import org.serverlessbench.openwhisk.client.Activation;
import org.serverlessbench.openwhisk.client.ActivationQuery;
import org.serverlessbench.openwhisk.client.Exec;
import org.serverlessbench.openwhisk.client.InvokeOptions;
import org.serverlessbench.openwhisk.client.InvokeResult;
import org.serverlessbench.openwhisk.client.NamespaceLimits;
import org.serverlessbench.openwhisk.client.OpenWhiskAuthenticationException;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.client.OpenWhiskConflictException;
import org.serverlessbench.openwhisk.client.OpenWhiskNotFoundException;
import org.serverlessbench.openwhisk.client.OpenWhiskRequestException;
import org.serverlessbench.openwhisk.client.PackagePut;
import org.serverlessbench.openwhisk.client.WebRequest;
import org.serverlessbench.openwhisk.client.WebResponse;

/** This project's {@link OpenWhiskClient} against the embedded OpenWhisk, for every runtime kind. */
class OpenWhiskClientAgainstEmbeddedTest {
    private static EmbeddedOpenWhisk openWhisk;
    private static OpenWhiskClient client;

    @BeforeAll
    static void start() throws Exception {
        openWhisk = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0).start();
        client = clientWith(openWhisk.auth());
    }

    private static OpenWhiskClient clientWith(String auth) {
        return OpenWhiskClient.newBuilder().apiHost(openWhisk.apiHost()).auth(auth).namespace("guest")
                .environment(Map.of()).configurationParameters(key -> java.util.Optional.empty())
                .wskPropertiesFile(java.nio.file.Path.of("does-not-exist.wskprops"))
                .readTimeout(Duration.ofSeconds(70)).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        openWhisk.close();
    }

    @Test
    void readsNamespacesAndLimits() {
        assertThat(client.listNamespaces()).containsExactly("guest");
        NamespaceLimits limits = client.namespaceLimits();
        assertThat(limits.minActionMemory()).isEqualTo(128);
        assertThat(limits.maxActionMemory()).isEqualTo(2048);
        assertThat(limits.maxActionTimeout()).isEqualTo(300_000);
        assertThat(limits.invocationsPerMinute()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void runsNodePythonAndJavaActions() {
        client.updateAction("node-kind", ActionPut.newBuilder()
                .exec(Exec.code("nodejs:default", "function main(a) { return {lang: 'node', n: a.n}; }")).build());
        client.updateAction("python-kind", ActionPut.newBuilder()
                .exec(Exec.code("python:3", "def main(args):\n    return {'lang': 'python', 'n': args['n']}\n"))
                .build());
        String jar = JavaJars.base64Jar("Hello", "import com.google.gson.JsonObject;\n"
                + "public class Hello {\n"
                + "  public static JsonObject main(JsonObject args) {\n"
                + "    JsonObject out = new JsonObject();\n"
                + "    out.addProperty(\"lang\", \"java\");\n"
                + "    out.add(\"n\", args.get(\"n\"));\n"
                + "    return out;\n"
                + "  }\n"
                + "}\n");
        Action java = client.updateAction("java-kind", ActionPut.newBuilder().exec(Exec.code("java:default", jar,
                "Hello")).limits(ActionLimits.none().withMemory(256)).build());
        assertThat(java.exec().kind()).isEqualTo("java:8");
        assertThat(java.exec().binary()).isTrue();

        for (String name : List.of("node-kind", "python-kind", "java-kind")) {
            InvokeResult result = client.invoke(name, Map.of("n", 7), InvokeOptions.blocking());
            assertThat(result.httpStatus()).as(name + ": " + result).isEqualTo(200);
            assertThat(result.activation().cold()).isTrue();
            assertThat(result.activation().response().result()).isEqualTo(
                    Map.of("lang", name.substring(0, name.indexOf('-')), "n", 7));
        }
    }

    @Test
    void coversTheActionLifecycle() {
        ActionPut put = ActionPut.newBuilder()
                .exec(Exec.code("nodejs:20", "function main(a) { console.log('x'); return {ok: true}; }"))
                .parameter("p", 1).build();
        Action created = client.createAction("client-life", put);
        assertThat(created.version()).isEqualTo("0.0.1");
        assertThat(created.annotation("provide-api-key")).contains(false);
        assertThatThrownBy(() -> client.createAction("client-life", put))
                .isInstanceOf(OpenWhiskConflictException.class);
        assertThat(client.getAction("client-life", false).exec().code()).isNull();
        assertThat(client.findAction("client-life")).isPresent();
        assertThat(client.listActions(200, 0)).extracting(Action::name).contains("client-life");

        InvokeResult accepted = client.invoke("client-life", Map.of(), InvokeOptions.nonBlocking());
        assertThat(accepted.httpStatus()).isEqualTo(202);
        Activation record = client.awaitActivation(accepted.activationId(), Duration.ofSeconds(30));
        assertThat(record.response().success()).isTrue();
        assertThat(client.getActivation(record.activationId()).activationId()).isEqualTo(record.activationId());
        assertThat(client.activationLogs(record.activationId())).anyMatch(line -> line.contains("stdout: x"));
        assertThat(client.activationResult(record.activationId()).result()).isEqualTo(Map.of("ok", true));
        assertThat(client.listActivations(ActivationQuery.newBuilder().name("client-life").build()))
                .extracting(s -> s.activationId()).contains(record.activationId());
        assertThat(client.listActivationRecords(ActivationQuery.newBuilder().name("client-life").limit(1).build()))
                .hasSize(1);

        InvokeResult resultOnly = client.invoke("client-life", Map.of(), InvokeOptions.blocking().withResult(true));
        assertThat(resultOnly.result()).isEqualTo(Map.of("ok", true));

        assertThat(client.updateAction("client-life", put).version()).isEqualTo("0.0.2");
        assertThat(client.deleteAction("client-life").name()).isEqualTo("client-life");
        assertThatThrownBy(() -> client.getAction("client-life", true)).isInstanceOf(OpenWhiskNotFoundException.class);
        assertThat(client.findAction("client-life")).isEmpty();
    }

    @Test
    void mapsFailuresToTheClientsExceptionsAndRecords() {
        assertThatThrownBy(() -> client.updateAction("bad-memory", ActionPut.newBuilder()
                .exec(Exec.code("nodejs:20", "x")).limits(ActionLimits.none().withMemory(4096)).build()))
                .isInstanceOf(OpenWhiskRequestException.class)
                .hasMessageContaining("memory 4096 MB exceeds allowed threshold");
        try (OpenWhiskClient wrongKey = clientWith("23bc46b1-71f6-4ed5-8c54-816aa4f8c502:" + "x".repeat(64))) {
            assertThatThrownBy(wrongKey::listNamespaces).isInstanceOf(OpenWhiskAuthenticationException.class);
        }
        client.updateAction("client-error", ActionPut.newBuilder()
                .exec(Exec.code("nodejs:20", "function main() { return {error: 'nope'}; }")).build());
        InvokeResult failed = client.invoke("client-error", Map.of(), InvokeOptions.blocking());
        assertThat(failed.httpStatus()).isEqualTo(502);
        assertThat(failed.activation().response().status()).isEqualTo("application error");
    }

    @Test
    void managesPackagesAndCallsWebActions() {
        client.putPackage("client-pkg", PackagePut.empty(), true);
        client.updateAction("client-pkg/page", ActionPut.newBuilder()
                .exec(Exec.code("nodejs:20", "function main(a) { return {body: 'hello ' + a.who}; }"))
                .annotation("web-export", true).build());
        assertThat(client.getPackage("client-pkg").name()).isEqualTo("client-pkg");

        WebResponse page = client.invokeWeb(WebRequest.newBuilder("page").namespace("guest").packageName("client-pkg")
                .extension("html").query("who=web").build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.bodyAsString()).isEqualTo("hello web");
        assertThat(page.activationId()).isPresent();
        assertThat(client.deletePackage("client-pkg", true).name()).isEqualTo("client-pkg");
    }
}
