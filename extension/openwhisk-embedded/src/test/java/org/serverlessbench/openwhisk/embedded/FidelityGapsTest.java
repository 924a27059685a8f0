package org.serverlessbench.openwhisk.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessbench.openwhisk.embedded.Records.annotation;
import static org.serverlessbench.openwhisk.embedded.RestCalls.action;
import static org.serverlessbench.openwhisk.embedded.RestCalls.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.embedded.RestCalls.Answer;

/** Where the embedded OpenWhisk once differed from OpenWhisk (issue 8, "Fidelity gaps"), over real HTTP. */
class FidelityGapsTest {
    private static final String ACTIONS = "/api/v1/namespaces/_/actions/";

    private static EmbeddedOpenWhisk openWhisk;
    private static RestCalls rest;

    @BeforeAll
    static void start() throws Exception {
        openWhisk = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0).actionMemoryRange(128, 512).start();
        rest = new RestCalls(openWhisk.apiHost(), openWhisk.auth());
    }

    @AfterAll
    static void stop() {
        openWhisk.close();
    }

    private static JsonNode invoke(String name, String payload) {
        Answer answer = rest.post(ACTIONS + name + "?blocking=true", payload);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> keys(JsonNode pairs) {
        List<String> keys = new ArrayList<>();
        pairs.forEach(p -> keys.add(p.path("key").asText()));
        return keys;
    }

    @Test
    void updateMergesAnnotationsAndKeepsTheApiKeyWithheld() {
        rest.putAction("annotated",
                action("nodejs:20", "function main() { return {key: process.env.__OW_API_KEY || null}; }"));
        ObjectNode update = object();
        update.putArray("annotations").addObject().put("key", "description").put("value", "d1");
        JsonNode updated = rest.putAction("annotated", update).json();

        assertThat(keys(updated.path("annotations"))).containsExactlyInAnyOrder("provide-api-key", "exec",
                "description");
        assertThat(annotation(updated, "provide-api-key").asBoolean(true)).isFalse();
        assertThat(invoke("annotated", "{}").path("response").path("result").path("key").isNull()).isTrue();

        ObjectNode delete = object();
        delete.putArray("delAnnotations").add("description").add("provide-api-key");
        delete.putArray("annotations").addObject().put("key", "other").put("value", 1);
        JsonNode afterDelete = rest.putAction("annotated", delete).json();

        assertThat(keys(afterDelete.path("annotations"))).containsExactlyInAnyOrder("exec", "other");
        assertThat(invoke("annotated", "{}").path("response").path("result").path("key").asText())
                .isEqualTo(openWhisk.auth());
    }

    @Test
    void logLinesKeepTheirLeadingWhitespace() {
        rest.putAction("indented", action("nodejs:20", "function main() {\n"
                + "  console.log('    four spaces');\n"
                + "  console.log('\\ttab  ');\n"
                + "  console.error(new Error('boom').stack);\n"
                + "  return {};\n}"));

        JsonNode logs = invoke("indented", "{}").path("logs");

        List<String> lines = new ArrayList<>();
        logs.forEach(l -> lines.add(l.asText().substring(31)));
        assertThat(lines).contains("stdout:     four spaces", "stdout: \ttab  ", "stderr: Error: boom");
        assertThat(lines).anyMatch(line -> line.startsWith("stderr:     at "));
    }

    @Test
    void numbersReachTheActionAndComeBackAsWritten() {
        rest.putAction("numbers", action("python:3.11", "def main(args):\n"
                + "    return {'types': {k: type(v).__name__ for k, v in args.items()},\n"
                + "            'big': args['big'], 'reprHuge': repr(args['huge']),\n"
                + "            'reprDecimal': repr(args['dec'])}\n"));

        JsonNode result = invoke("numbers",
                "{\"huge\": 1e400, \"big\": 123456789012345678901234567890, \"dec\": 0.1000}")
                .path("response").path("result");

        assertThat(result.path("types").path("huge").asText()).isEqualTo("float");
        assertThat(result.path("reprHuge").asText()).isEqualTo("inf");
        assertThat(result.path("types").path("big").asText()).isEqualTo("int");
        assertThat(result.path("big").bigIntegerValue()).hasToString("123456789012345678901234567890");
        assertThat(result.path("reprDecimal").asText()).isEqualTo("0.1");
    }

    @Test
    void numbersInParametersAndResultsKeepTheirText() {
        ObjectNode body = action("nodejs:20", "function main(args) { return {seen: JSON.stringify(args)}; }");
        rest.putAction("param-numbers", body);
        String raw = "{\"parameters\": [{\"key\": \"trailing\", \"value\": 1.50},"
                + " {\"key\": \"big\", \"value\": 1e400}]}";
        Answer update = rest.put(ACTIONS + "param-numbers?overwrite=true", raw);

        assertThat(update.text()).contains("\"value\":1.50").contains("\"value\":1E+400");
        assertThat(rest.get(ACTIONS + "param-numbers").text()).contains("\"value\":1.50");
        assertThat(invoke("param-numbers", "{}").path("response").path("result").path("seen").asText())
                .isEqualTo("{\"trailing\":1.5,\"big\":null}");
    }

    @Test
    void limitsCarryEveryFieldOfOpenWhisksLimits() {
        JsonNode limits = rest.get("/api/v1/namespaces/_/limits").json();

        List<String> fields = new ArrayList<>();
        limits.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("invocationsPerMinute", "concurrentInvocations", "firesPerMinute",
                "minActionMemory", "maxActionMemory", "minActionLogs", "maxActionLogs", "minActionTimeout",
                "maxActionTimeout", "minActionConcurrency", "maxActionConcurrency", "maxParameterSize",
                "maxActionInstances");
        assertThat(limits.path("maxParameterSize").asText()).isEqualTo("1 MB");
        assertThat(limits.path("maxActionMemory").asInt()).isEqualTo(512);
        assertThat(limits.path("maxActionInstances").asInt()).isEqualTo(limits.path("concurrentInvocations").asInt());
    }

    @Test
    void runtimesFollowOpenWhisksManifest() {
        JsonNode runtimes = rest.anonymous().get("/api/v1").json().path("runtimes");

        List<String> families = new ArrayList<>();
        runtimes.fieldNames().forEachRemaining(families::add);
        assertThat(families).containsExactly("nodejs", "python", "swift", "java", "php", "ruby", "go", "dotnet",
                "rust", "blackbox");
        assertThat(runtimes.path("python").get(0).path("kind").asText()).isEqualTo("python:3.10");
        assertThat(runtimes.path("python").get(0).path("default").asBoolean()).isTrue();
        assertThat(runtimes.path("python").get(0).path("available").asBoolean()).isTrue();
        assertThat(runtimes.path("python").get(1).path("kind").asText()).isEqualTo("python:3.11");
        assertThat(runtimes.path("nodejs").get(0).path("kind").asText()).isEqualTo("nodejs:20");
        assertThat(runtimes.path("nodejs").get(1).path("available").asBoolean()).isFalse();
        assertThat(runtimes.path("go").get(0).path("kind").asText()).isEqualTo("go:1.20");
        Answer pythonDefault = rest.put(ACTIONS + "py-default?overwrite=true",
                action("python:default", "def main(a):\n  return a\n"));
        assertThat(pythonDefault.json().path("exec").path("kind").asText()).isEqualTo("python:3.10");
        assertThat(invoke("py-default", "{\"x\": 1}").path("response").path("result").path("x").asInt()).isEqualTo(1);
    }
}
