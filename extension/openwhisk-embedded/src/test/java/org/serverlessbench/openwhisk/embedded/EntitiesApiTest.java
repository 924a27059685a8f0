package org.serverlessbench.openwhisk.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.serverlessbench.openwhisk.embedded.RestCalls.action;
import static org.serverlessbench.openwhisk.embedded.RestCalls.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.embedded.RestCalls.Answer;

/** Auth, namespaces, actions and packages over real HTTP, as §1 of the reference describes them. */
class EntitiesApiTest {
    private static final String ACTIONS = "/api/v1/namespaces/_/actions/";
    private static final String PACKAGES = "/api/v1/namespaces/_/packages/";
    private static final String HELLO = "function main(args) { return {hello: args.name || 'world'}; }";

    private static EmbeddedOpenWhisk openWhisk;
    private static RestCalls rest;

    @BeforeAll
    static void start() throws Exception {
        openWhisk = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0).actionMemoryRange(128, 1024).start();
        rest = new RestCalls(openWhisk.apiHost(), openWhisk.auth());
    }

    @AfterAll
    static void stop() {
        openWhisk.close();
    }

    @Test
    void describesTheApiWithoutAuthIncludingRuntimes() {
        Answer info = rest.anonymous().get("/api/v1");

        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().path("api_version").asText()).isEqualTo("1.0.0");
        assertThat(info.json().path("api_version_path").asText()).isEqualTo("v1");
        JsonNode nodejs = info.json().path("runtimes").path("nodejs").get(0);
        assertThat(nodejs.path("kind").asText()).isEqualTo("nodejs:20");
        assertThat(nodejs.path("default").asBoolean()).isTrue();
        JsonNode php = info.json().path("runtimes").path("php").get(0);
        assertThat(php.path("available").asBoolean()).isFalse();
        assertThat(php.path("unavailableReason").asText()).contains("php:8.1");
    }

    @Test
    void refusesMissingAndWrongCredentialsWithAChallenge() {
        Answer missing = rest.anonymous().get("/api/v1/namespaces");
        Answer wrong = new RestCalls(openWhisk.apiHost(), "23bc46b1-71f6-4ed5-8c54-816aa4f8c502:wrong").get(
                "/api/v1/namespaces/_/actions");

        for (Answer answer : List.of(missing, wrong)) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Basic realm=\"OpenWhisk secure realm\"");
            assertThat(answer.json().path("error").asText()).isEqualTo("The supplied authentication is invalid.");
            assertThat(answer.json().path("code").asText()).isNotEmpty();
        }
    }

    @Test
    void acceptsAConfiguredKeyOnly() throws Exception {
        String key = "11111111-2222-3333-4444-555555555555:" + "k".repeat(64);
        try (EmbeddedOpenWhisk custom = EmbeddedOpenWhisk.newBuilder().auth(key).prewarm("nodejs:20", 0).start()) {
            assertThat(new RestCalls(custom.apiHost(), key).get("/api/v1/namespaces").status()).isEqualTo(200);
            assertThat(new RestCalls(custom.apiHost(), EmbeddedOpenWhisk.GUEST_AUTH).get("/api/v1/namespaces")
                    .status()).isEqualTo(401);
        }
    }

    @Test
    void listsTheOneNamespaceAndItsLimits() {
        assertThat(rest.get("/api/v1/namespaces").json()).hasToString("[\"guest\"]");

        JsonNode limits = rest.get("/api/v1/namespaces/_/limits").json();
        assertThat(limits.path("minActionMemory").asInt()).isEqualTo(128);
        assertThat(limits.path("maxActionMemory").asInt()).isEqualTo(1024);
        assertThat(limits.path("minActionTimeout").asInt()).isEqualTo(100);
        assertThat(limits.path("maxActionTimeout").asInt()).isEqualTo(300000);
        assertThat(rest.get("/api/v1/namespaces/guest/limits").status()).isEqualTo(200);
    }

    @Test
    void refusesOtherNamespacesWith403() {
        Answer answer = rest.get("/api/v1/namespaces/someoneelse/actions");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().path("error").asText())
                .isEqualTo("The supplied authentication is not authorized to access this resource.");
    }

    @Test
    void setsCorsHeadersAndEchoesTheRequestId() {
        Answer answer = rest.send("GET", "/api/v1/namespaces/_/actions/nothing-here", null,
                Map.of("X-Request-ID", "my-transaction"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("error").asText()).isEqualTo("The requested resource does not exist.");
        assertThat(answer.json().path("code").asText()).isEqualTo("my-transaction");
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(answer.header("Access-Control-Allow-Methods")).isEqualTo("GET, DELETE, POST, PUT, HEAD");
    }

    @Test
    void createsAnActionWithTheServerStampedFields() {
        ObjectNode body = action("nodejs:default", HELLO);
        body.putArray("parameters").addObject().put("key", "name").put("value", "bound");

        Answer created = rest.put(ACTIONS + "create-me", body);

        assertThat(created.status()).as(created.text()).isEqualTo(200);
        JsonNode json = created.json();
        assertThat(json.path("namespace").asText()).isEqualTo("guest");
        assertThat(json.path("name").asText()).isEqualTo("create-me");
        assertThat(json.path("version").asText()).isEqualTo("0.0.1");
        assertThat(json.path("publish").asBoolean()).isFalse();
        assertThat(json.path("exec").path("kind").asText()).isEqualTo("nodejs:20");
        assertThat(json.path("exec").path("binary").asBoolean()).isFalse();
        assertThat(json.path("exec").path("code").asText()).isEqualTo(HELLO);
        assertThat(json.path("exec").has("main")).isFalse();
        assertThat(json.path("limits")).hasToString("{\"concurrency\":1,\"logs\":10,\"memory\":256,\"timeout\":60000}");
        assertThat(json.path("annotations")).hasToString(
                "[{\"key\":\"exec\",\"value\":\"nodejs:20\"},{\"key\":\"provide-api-key\",\"value\":false}]");
        assertThat(json.path("parameters").get(0).path("value").asText()).isEqualTo("bound");
        assertThat(json.path("updated").asLong()).isPositive();
    }

    @Test
    void refusesToCreateTwiceButUpdatesWithOverwrite() {
        rest.put(ACTIONS + "twice", action("nodejs:20", HELLO));

        Answer conflict = rest.put(ACTIONS + "twice", action("nodejs:20", HELLO));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().path("error").asText()).isEqualTo("resource already exists");

        ObjectNode update = object();
        update.putObject("limits").put("memory", 512);
        update.putArray("annotations").addObject().put("key", "web-export").put("value", true);
        Answer updated = rest.put(ACTIONS + "twice?overwrite=true", update);
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        JsonNode json = updated.json();
        assertThat(json.path("version").asText()).isEqualTo("0.0.2");
        assertThat(json.path("exec").path("code").asText()).isEqualTo(HELLO);
        assertThat(json.path("limits").path("memory").asInt()).isEqualTo(512);
        assertThat(json.path("limits").path("timeout").asInt()).isEqualTo(60000);
        assertThat(json.path("annotations")).hasToString("[{\"key\":\"exec\",\"value\":\"nodejs:20\"},"
                + "{\"key\":\"provide-api-key\",\"value\":false},{\"key\":\"web-export\",\"value\":true}]");

        Answer again = rest.put(ACTIONS + "twice?overwrite=true", action("python:3", "def main(a):\n  return a\n"));
        assertThat(again.json().path("version").asText()).isEqualTo("0.0.3");
        assertThat(again.json().path("exec").path("kind").asText()).isEqualTo("python:3.11");
    }

    @Test
    void resolvesKindAliasesAndComputesBinary() {
        String zip = Base64.getEncoder().encodeToString("PK\3\4 pretend zip content".getBytes());
        ObjectNode binary = action("NodeJS:Default", zip);
        ((ObjectNode) binary.get("exec")).put("binary", false);
        assertThat(rest.put(ACTIONS + "zipped", binary).json().path("exec").path("binary").asBoolean()).isTrue();

        assertThat(rest.put(ACTIONS + "py-default", action("python:default", "x")).json().path("exec").path("kind")
                .asText()).isEqualTo("python:3.10");
        ObjectNode java = action("java:default", zip);
        ((ObjectNode) java.get("exec")).put("main", "Hello");
        JsonNode javaJson = rest.put(ACTIONS + "java-default", java).json();
        assertThat(javaJson.path("exec").path("kind").asText()).isEqualTo("java:8");
        assertThat(javaJson.path("exec").path("main").asText()).isEqualTo("Hello");
    }

    @Test
    void createsKnownKindsThatCannotRunHere() {
        assertThat(rest.put(ACTIONS + "php-action", action("php:8.1", "<?php function main() {}")).status())
                .isEqualTo(200);
        ObjectNode blackbox = object();
        blackbox.putObject("exec").put("kind", "blackbox").put("image", "openwhisk/dockerskeleton");
        Answer created = rest.put(ACTIONS + "docker-action", blackbox);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(created.json().path("exec").path("image").asText()).isEqualTo("openwhisk/dockerskeleton");
    }

    @Test
    void refusesInvalidExecAndLimitsWithOpenWhisksMessages() {
        assertThat(error(rest.put(ACTIONS + "bad", action("cobol:1", "x"))))
                .startsWith("The request content was malformed:\nkind 'cobol:1' not in Set(");
        ObjectNode java = action("java:8", "UEsDBA==");
        assertThat(error(rest.put(ACTIONS + "bad", java))).isEqualTo(
                "The request content was malformed:\n'main' must be a string defined in 'exec' for 'java:8' actions");
        assertThat(error(rest.put(ACTIONS + "bad", object()))).isEqualTo("exec undefined");

        assertThat(error(rest.put(ACTIONS + "bad", withLimit("memory", 64)))).isEqualTo(
                "The request content was malformed:\nrequirement failed: memory 64 MB below allowed threshold of "
                        + "134217728 B");
        assertThat(error(rest.put(ACTIONS + "bad", withLimit("memory", 2048)))).isEqualTo(
                "The request content was malformed:\nrequirement failed: memory 2048 MB exceeds allowed threshold of "
                        + "1073741824 B");
        assertThat(error(rest.put(ACTIONS + "bad", withLimit("timeout", 50)))).isEqualTo(
                "The request content was malformed:\nrequirement failed: duration 50 milliseconds below allowed "
                        + "threshold of 100 milliseconds");
        assertThat(error(rest.put(ACTIONS + "bad", withLimit("timeout", 300001)))).isEqualTo(
                "The request content was malformed:\nrequirement failed: duration 300001 milliseconds exceeds allowed "
                        + "threshold of 300000 milliseconds");
        assertThat(error(rest.put(ACTIONS + "bad", withLimit("logs", 11)))).contains("log size 11 MB exceeds");
        assertThat(error(rest.put(ACTIONS + "bad", withLimit("concurrency", 501)))).contains("concurrency 501 exceeds");
        assertThat(error(rest.put(ACTIONS + "bad", "{not json"))).startsWith("The request content was malformed:");
        assertThat(rest.get(ACTIONS + "bad").status()).isEqualTo(404);
    }

    private static ObjectNode withLimit(String field, int value) {
        ObjectNode body = action("nodejs:20", HELLO);
        body.putObject("limits").put(field, value);
        return body;
    }

    private static String error(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        return answer.json().path("error").asText();
    }

    @Test
    void getsWithAndWithoutCodeAndDeletes() {
        rest.put(ACTIONS + "fetch-me", action("nodejs:20", HELLO));

        assertThat(rest.get(ACTIONS + "fetch-me").json().path("exec").path("code").asText()).isEqualTo(HELLO);
        JsonNode withoutCode = rest.get(ACTIONS + "fetch-me?code=false").json();
        assertThat(withoutCode.path("exec").has("code")).isFalse();
        assertThat(withoutCode.path("exec").path("kind").asText()).isEqualTo("nodejs:20");

        Answer head = rest.send("HEAD", ACTIONS + "fetch-me", null, Map.of());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.bytes()).isEmpty();

        Answer deleted = rest.delete(ACTIONS + "fetch-me");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("name").asText()).isEqualTo("fetch-me");
        assertThat(rest.get(ACTIONS + "fetch-me").status()).isEqualTo(404);
        assertThat(rest.delete(ACTIONS + "fetch-me").status()).isEqualTo(404);
    }

    @Test
    void listsActionsNewestFirstWithLimitSkipAndCount() throws Exception {
        try (EmbeddedOpenWhisk fresh = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0).start()) {
            RestCalls calls = new RestCalls(fresh.apiHost(), fresh.auth());
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.put(ACTIONS + "a" + i, action("nodejs:20", HELLO));
                names.add(0, "a" + i);
                Thread.sleep(3);
            }

            JsonNode all = calls.get(ACTIONS).json();
            assertThat(all.findValuesAsText("name")).containsExactlyElementsOf(names);
            assertThat(all.get(0).has("parameters")).isFalse();
            assertThat(all.get(0).path("exec")).hasToString("{\"binary\":false}");
            assertThat(calls.get(ACTIONS + "?limit=2&skip=1").json().findValuesAsText("name"))
                    .containsExactly("a2", "a1");
            assertThat(calls.get(ACTIONS + "?count=true").json()).hasToString("{\"actions\":4}");
            Answer tooMany = calls.get(ACTIONS + "?limit=201");
            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(tooMany.json().path("error").asText()).isEqualTo(
                    "The query parameter 'limit' was malformed:\nThe value '201' is not in the range of 0 to 200 for "
                            + "actions.");
            assertThat(calls.get(ACTIONS + "?skip=-1").status()).isEqualTo(400);
        }
    }

    @Test
    void managesPackagesAndTheActionsInThem() {
        ObjectNode pkg = object().put("binding", false);
        pkg.putArray("parameters").addObject().put("key", "fromPackage").put("value", 1);
        Answer created = rest.put(PACKAGES + "tools", pkg);
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(created.json().path("name").asText()).isEqualTo("tools");
        assertThat(rest.put(PACKAGES + "tools", pkg).status()).isEqualTo(409);
        assertThat(rest.put(PACKAGES + "tools?overwrite=true", pkg).json().path("version").asText())
                .isEqualTo("0.0.2");

        Answer reserved = rest.put(PACKAGES + "default", pkg);
        assertThat(reserved.status()).isEqualTo(400);
        assertThat(reserved.json().path("error").asText()).isEqualTo("Package name 'default' is reserved.");

        Answer inPackage = rest.put(ACTIONS + "tools/hammer", action("nodejs:20", HELLO));
        assertThat(inPackage.status()).as(inPackage.text()).isEqualTo(200);
        assertThat(inPackage.json().path("namespace").asText()).isEqualTo("guest/tools");
        assertThat(rest.put(ACTIONS + "missing-package/hammer", action("nodejs:20", HELLO)).status()).isEqualTo(404);
        assertThat(rest.get(ACTIONS + "tools/hammer").json().path("parameters").findValuesAsText("key"))
                .containsExactly("fromPackage");
        assertThat(rest.get(ACTIONS + "tools/").json().findValuesAsText("name")).containsExactly("hammer");
        assertThat(rest.get(ACTIONS).json().findValuesAsText("namespace")).contains("guest/tools");
        JsonNode fetched = rest.get(PACKAGES + "tools").json();
        assertThat(fetched.path("actions").findValuesAsText("name")).containsExactly("hammer");
        assertThat(fetched.path("binding")).hasToString("{}");
        JsonNode listed = rest.get(PACKAGES).json();
        assertThat(listed.findValuesAsText("name")).contains("tools");
        assertThat(listed.get(0).path("binding").asBoolean(true)).isFalse();
        assertThat(listed.get(0).has("parameters")).isFalse();

        Answer notEmpty = rest.delete(PACKAGES + "tools");
        assertThat(notEmpty.status()).isEqualTo(409);
        assertThat(notEmpty.json().path("error").asText()).isEqualTo("Package not empty (contains 1 entity)");
        assertThat(rest.delete(PACKAGES + "tools?force=true").status()).isEqualTo(200);
        assertThat(rest.get(ACTIONS + "tools/hammer").status()).isEqualTo(404);
        assertThat(rest.get(PACKAGES + "tools").status()).isEqualTo(404);
    }

    @Test
    void refusesParametersOverOneMegabyteWith413() {
        ObjectNode body = action("nodejs:20", HELLO);
        body.putArray("parameters").addObject().put("key", "big").put("value", "x".repeat(1024 * 1024 + 1));

        Answer answer = rest.put(ACTIONS + "too-big", body);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().path("error").asText()).startsWith("parameters larger than allowed: ");
    }

    @Test
    void refusesPackageBindings() {
        ObjectNode binding = object();
        binding.putObject("binding").put("namespace", "whisk.system").put("name", "utils");

        Answer answer = rest.put(PACKAGES + "bound", binding);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asText()).contains("does not support package bindings");
    }

    @Test
    void namesThePortWhenItIsTaken() {
        assertThatThrownBy(() -> EmbeddedOpenWhisk.newBuilder().port(openWhisk.port()).prewarm("nodejs:20", 0).start())
                .isInstanceOf(java.net.BindException.class)
                .hasMessageContaining("127.0.0.1:" + openWhisk.port());
    }
}
