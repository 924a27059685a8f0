package org.serverlessbench.openwhisk.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.serverlessbench.openwhisk.embedded.Records.annotation;
import static org.serverlessbench.openwhisk.embedded.Records.cold;
import static org.serverlessbench.openwhisk.embedded.Records.status;
import static org.serverlessbench.openwhisk.embedded.RestCalls.action;
import static org.serverlessbench.openwhisk.embedded.RestCalls.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.embedded.RestCalls.Answer;

/** Invokes through the REST API against the real invoker and real nodejs processes. */
class InvokeLifecycleTest {
    private static final String ACTIONS = "/api/v1/namespaces/_/actions/";
    private static final String ACTIVATIONS = "/api/v1/namespaces/_/activations/";

    private static EmbeddedOpenWhisk openWhisk;
    private static RestCalls rest;

    @BeforeAll
    static void start() throws Exception {
        openWhisk = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0).memoryCapacityMb(1024).start();
        rest = new RestCalls(openWhisk.apiHost(), openWhisk.auth());
    }

    @AfterAll
    static void stop() {
        openWhisk.close();
    }

    private static void create(String name, String code, Integer timeoutMs) {
        ObjectNode body = action("nodejs:20", code);
        if (timeoutMs != null) {
            body.putObject("limits").put("timeout", timeoutMs);
        }
        rest.putAction(name, body);
    }

    private static Answer invoke(String name, String query, Object payload) {
        return rest.post(ACTIONS + name + "?blocking=true" + query, payload == null ? object() : payload);
    }

    @Test
    void coldThenWarmThenColdAgainAfterAnUpdate() {
        create("lifecycle", "function main(args) { return {v: 1, name: args.name}; }", null);

        Answer first = invoke("lifecycle", "", object().put("name", "a"));
        Answer second = invoke("lifecycle", "", object().put("name", "b"));
        create("lifecycle", "function main(args) { return {v: 2, name: args.name}; }", null);
        Answer third = invoke("lifecycle", "", object().put("name", "c"));

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.header("x-openwhisk-activation-id")).matches("[0-9a-f]{32}")
                .isEqualTo(first.json().path("activationId").asText());
        assertThat(first.json().path("response").path("result")).hasToString("{\"v\":1,\"name\":\"a\"}");
        assertThat(cold(first.json())).isTrue();
        assertThat(cold(second.json())).isFalse();
        assertThat(second.json().path("response").path("result").path("name").asText()).isEqualTo("b");
        assertThat(cold(third.json())).isTrue();
        assertThat(third.json().path("response").path("result")).hasToString("{\"v\":2,\"name\":\"c\"}");
        assertThat(third.json().path("version").asText()).isEqualTo("0.0.2");
        assertThat(annotation(third.json(), "path").asText()).isEqualTo("guest/lifecycle");
    }

    @Test
    void answersOnlyTheResultWhenAskedAndArraysBare() {
        create("echo", "function main(args) { return args; }", null);
        create("listing", "function main(args) { return Promise.resolve({}).then(() => [1, 2, 3]); }", null);

        Answer result = invoke("echo", "&result=true", object().put("x", 1));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json()).hasToString("{\"x\":1}");
        assertThat(result.header("x-openwhisk-activation-id")).matches("[0-9a-f]{32}");

        Answer array = invoke("listing", "", null);
        assertThat(array.status()).as(array.text()).isEqualTo(200);
        assertThat(array.json()).hasToString("[1,2,3]");
    }

    @Test
    void mergesThePayloadOverPackageAndActionParameters() {
        ObjectNode pkg = object();
        pkg.putArray("parameters").addObject().put("key", "a").put("value", "package")
                .put("ignored", true);
        ((com.fasterxml.jackson.databind.node.ArrayNode) pkg.get("parameters")).addObject().put("key", "b")
                .put("value", "package");
        assertThat(rest.put("/api/v1/namespaces/_/packages/merge?overwrite=true", pkg).status()).isEqualTo(200);
        ObjectNode body = action("nodejs:20", "function main(args) { return args; }");
        body.putArray("parameters").addObject().put("key", "b").put("value", "action");
        ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("parameters")).addObject().put("key", "c")
                .put("value", "action");
        assertThat(rest.put(ACTIONS + "merge/echo?overwrite=true", body).status()).isEqualTo(200);

        Answer answer = invoke("merge/echo", "&result=true", object().put("c", "payload"));

        assertThat(answer.json()).hasToString("{\"a\":\"package\",\"b\":\"action\",\"c\":\"payload\"}");
    }

    @Test
    void refusesOverridingFinalParameters() {
        ObjectNode body = action("nodejs:20", "function main(args) { return args; }");
        body.putArray("parameters").addObject().put("key", "fixed").put("value", 1);
        body.putArray("annotations").addObject().put("key", "final").put("value", true);
        rest.put(ACTIONS + "final-params?overwrite=true", body);

        Answer refused = invoke("final-params", "", object().put("fixed", 2));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asText())
                .isEqualTo("Request defines parameters that are not allowed (e.g., reserved properties).");
        assertThat(invoke("final-params", "&result=true", object().put("other", 2)).json())
                .hasToString("{\"fixed\":1,\"other\":2}");
    }

    @Test
    void validatesInvokeParametersAndPayloadSize() {
        create("validate", "function main() { return {}; }", null);

        for (String timeout : List.of("0", "60001", "abc", "-5")) {
            Answer answer = invoke("validate", "&timeout=" + timeout, null);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().path("error").asText()).isEqualTo(
                    "The query parameter 'timeout' was malformed:\n"
                            + "Timeout must be number of milliseconds up to 60000.");
        }
        Answer array = invoke("validate", "", "[1]");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.json().path("error").asText()).startsWith("The request content was malformed:");

        Answer tooLarge = invoke("validate", "", object().put("big", "x".repeat(1024 * 1024)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().path("error").asText())
                .matches("Request larger than allowed: \\d+ > 1048576 bytes.");
        assertThat(invoke("does-not-exist", "", null).status()).isEqualTo(404);
    }

    @Test
    void applicationErrorIs502WithTheErrorResult() {
        create("fails", "function main() { return {error: 'it went wrong'}; }", null);

        Answer answer = invoke("fails", "", null);
        Answer resultOnly = invoke("fails", "&result=true", null);

        assertThat(answer.status()).isEqualTo(502);
        assertThat(status(answer.json())).isEqualTo("application error");
        assertThat(answer.json().path("response").path("success").asBoolean()).isFalse();
        assertThat(resultOnly.status()).isEqualTo(502);
        assertThat(resultOnly.json()).hasToString("{\"error\":\"it went wrong\"}");
    }

    @Test
    void kindThatCannotRunHereIsAnInternalErrorWith500() {
        assertThat(rest.put(ACTIONS + "php?overwrite=true", action("php:8.1", "<?php function main() {}"))
                .status()).isEqualTo(200);

        Answer answer = invoke("php", "", null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(500);
        assertThat(status(answer.json())).isEqualTo("whisk internal error");
        assertThat(answer.json().path("response").path("result").path("error").asText()).contains("php:8.1");
    }

    @Test
    void timeoutKillsTheProcessAndTheNextActivationIsCold() {
        create("sleepy", "function main(args) { if (args.hang) { while (true) {} } return {done: true}; }", 2000);

        Answer hung = invoke("sleepy", "", object().put("hang", true));
        Answer next = invoke("sleepy", "", null);

        assertThat(hung.status()).as(hung.text()).isEqualTo(502);
        assertThat(status(hung.json())).isEqualTo("action developer error");
        assertThat(hung.json().path("response").path("result").path("error").asText())
                .isEqualTo("The action exceeded its time limits of 2000 milliseconds.");
        assertThat(annotation(hung.json(), "timeout").asBoolean()).isTrue();
        assertThat(next.status()).isEqualTo(200);
        assertThat(cold(next.json())).isTrue();
    }

    @Test
    void crashIsADeveloperErrorAndTheNextActivationIsCold() {
        create("crashes", "function main(args) { if (args.crash) { process.exit(3); } return {alive: true}; }", null);
        assertThat(invoke("crashes", "", null).status()).isEqualTo(200);

        Answer crashed = invoke("crashes", "", object().put("crash", true));
        Answer next = invoke("crashes", "", null);

        assertThat(crashed.status()).as(crashed.text()).isEqualTo(502);
        assertThat(status(crashed.json())).isEqualTo("action developer error");
        assertThat(crashed.json().path("response").path("result").path("error").asText())
                .isEqualTo("The action did not produce a valid response and exited unexpectedly.");
        assertThat(next.status()).isEqualTo(200);
        assertThat(cold(next.json())).isTrue();
    }

    @Test
    void blockingInvokeAnswers202AfterItsTimeoutAndTheRecordFollows() throws Exception {
        create("slow", "function main() { return new Promise(r => setTimeout(() => r({slow: true}), 1500)); }", null);

        long started = System.nanoTime();
        Answer accepted = invoke("slow", "&timeout=300", null);
        long waitedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String id = accepted.json().path("activationId").asText();
        assertThat(id).matches("[0-9a-f]{32}").isEqualTo(accepted.header("x-openwhisk-activation-id"));
        assertThat(accepted.json().size()).isEqualTo(1);
        assertThat(waitedMs).isGreaterThanOrEqualTo(300L);
        assertThat(rest.get(ACTIVATIONS + id).status()).as("record of the 1.5 s activation right after its 202")
                .isEqualTo(404);
        JsonNode record = awaitRecord(id);
        assertThat(status(record)).isEqualTo("success");
        assertThat(record.path("response").path("result")).hasToString("{\"slow\":true}");
    }

    @Test
    void nonBlockingInvokeAnswers202AtOnce() throws Exception {
        create("quick", "function main() { return {quick: true}; }", null);

        Answer accepted = rest.post(ACTIONS + "quick", object());

        assertThat(accepted.status()).isEqualTo(202);
        JsonNode record = awaitRecord(accepted.json().path("activationId").asText());
        assertThat(record.path("response").path("result")).hasToString("{\"quick\":true}");
    }

    static JsonNode awaitRecord(String id) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> rest.get(ACTIVATIONS + id), answer -> {
                    assertThat(answer.status()).isIn(200, 404);
                    return answer.status() == 200;
                }).json();
    }

    @Test
    void thirtyTwoParallelInvokesCompleteWithinTheMemoryCapacity() throws Exception {
        try (EmbeddedOpenWhisk small = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0).memoryCapacityMb(512)
                .start()) {
            RestCalls calls = new RestCalls(small.apiHost(), small.auth());
            ObjectNode body = action("nodejs:20",
                    "function main() { return new Promise(r => setTimeout(() => r({pid: process.pid}), 100)); }");
            body.putObject("limits").put("memory", 128);
            assertThat(calls.put(ACTIONS + "parallel", body).status()).isEqualTo(200);

            ExecutorService clients = Executors.newFixedThreadPool(32);
            try {
                List<CompletableFuture<Answer>> answers = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    answers.add(CompletableFuture.supplyAsync(
                            () -> calls.post(ACTIONS + "parallel?blocking=true", object()), clients));
                }
                Set<Integer> pids = new HashSet<>();
                long queued = 0;
                for (CompletableFuture<Answer> future : answers) {
                    Answer answer = future.get();
                    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
                    pids.add(answer.json().path("response").path("result").path("pid").asInt());
                    if (annotation(answer.json(), "waitTime").asLong() >= 90) {
                        queued++;
                    }
                }
                assertThat(pids).hasSizeBetween(1, 4);
                assertThat(queued).as("activations that waited for a free process").isPositive();
            } finally {
                clients.shutdownNow();
            }
        }
    }
}
