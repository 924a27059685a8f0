package org.serverlessbench.openwhisk.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessbench.openwhisk.embedded.Records.annotation;
import static org.serverlessbench.openwhisk.embedded.Records.status;
import static org.serverlessbench.openwhisk.embedded.RestCalls.action;
import static org.serverlessbench.openwhisk.embedded.RestCalls.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.embedded.RestCalls.Answer;

/** Sequence actions ({@code exec.kind = "sequence"}) over real HTTP, with real node and python processes. */
class SequencesTest {
    private static final String ACTIONS = "/api/v1/namespaces/_/actions/";
    private static final String ACTIVATIONS = "/api/v1/namespaces/_/activations/";

    private static EmbeddedOpenWhisk openWhisk;
    private static RestCalls rest;

    @BeforeAll
    static void start() throws Exception {
        openWhisk = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0).memoryCapacityMb(2048).start();
        rest = new RestCalls(openWhisk.apiHost(), openWhisk.auth());
        rest.putAction("add-one",
                action("nodejs:20", "function main(args) { return {n: args.n + 1, step: args.step}; }"));
        ObjectNode times = action("python:3.11",
                "def main(args):\n    return {'n': args['n'] * 10, 'step': args['step']}\n");
        times.putArray("parameters").addObject().put("key", "step").put("value", "bound");
        rest.put("/api/v1/namespaces/_/packages/math", object());
        rest.putAction("math/times-ten", times);
        rest.putAction("fails", action("nodejs:20", "function main(args) { return {error: 'stopped at ' + args.n}; }"));
    }

    @AfterAll
    static void stop() {
        openWhisk.close();
    }

    private static ObjectNode sequence(String... components) {
        ObjectNode body = object();
        ArrayNode list = body.putObject("exec").put("kind", "sequence").putArray("components");
        for (String component : components) {
            list.add(component);
        }
        return body;
    }

    private static JsonNode record(String activationId) {
        return rest.awaitStatus(ACTIVATIONS + activationId, 200, Duration.ofSeconds(30)).json();
    }

    @Test
    void runsComponentsInOrderEachResultTheNextInput() {
        JsonNode created = rest.putAction("pipeline", sequence("/_/add-one", "/guest/math/times-ten")).json();
        assertThat(created.path("exec").path("kind").asText()).isEqualTo("sequence");
        assertThat(created.path("exec").path("components").toString())
                .isEqualTo("[\"/guest/add-one\",\"/guest/math/times-ten\"]");

        Answer answer = rest.post(ACTIONS + "pipeline?blocking=true", object().put("n", 1).put("step", "payload"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode seq = answer.json();
        assertThat(seq.path("response").path("result").toString()).isEqualTo("{\"n\":20,\"step\":\"payload\"}");
        assertThat(status(seq)).isEqualTo("success");
        assertThat(annotation(seq, "kind").asText()).isEqualTo("sequence");
        assertThat(annotation(seq, "topmost").asBoolean()).isTrue();
        assertThat(annotation(seq, "path").asText()).isEqualTo("guest/pipeline");
        assertThat(seq.path("logs")).hasSize(2);
        long durations = 0;
        List<String> names = new ArrayList<>();
        for (JsonNode id : seq.path("logs")) {
            JsonNode component = record(id.asText());
            names.add(component.path("name").asText());
            durations += component.path("duration").asLong();
            assertThat(component.path("cause").asText()).isEqualTo(seq.path("activationId").asText());
            assertThat(annotation(component, "causedBy").asText()).isEqualTo("sequence");
        }
        assertThat(names).containsExactly("add-one", "times-ten");
        assertThat(seq.path("duration").asLong()).isEqualTo(durations);
        assertThat(record(seq.path("activationId").asText()).path("logs")).isEqualTo(seq.path("logs"));
    }

    @Test
    void anErrorStopsTheChainAndBecomesTheSequencesResult() {
        rest.putAction("stops", sequence("/_/add-one", "/_/fails", "/_/math/times-ten"));

        Answer answer = rest.post(ACTIONS + "stops?blocking=true", object().put("n", 4));

        assertThat(answer.status()).as(answer.text()).isEqualTo(502);
        assertThat(status(answer.json())).isEqualTo("application error");
        assertThat(answer.json().path("response").path("result").path("error").asText()).isEqualTo("stopped at 5");
        assertThat(answer.json().path("logs")).hasSize(2);
    }

    @Test
    void nestsSequencesAndMarksTheInnerOne() {
        rest.putAction("inner", sequence("/_/add-one", "/_/add-one"));
        rest.putAction("outer", sequence("/_/inner", "/_/math/times-ten"));

        JsonNode outer = rest.post(ACTIONS + "outer?blocking=true&result=false", object().put("n", 0)).json();

        assertThat(outer.path("response").path("result").path("n").asInt()).isEqualTo(20);
        assertThat(outer.path("logs")).hasSize(2);
        JsonNode inner = record(outer.path("logs").get(0).asText());
        assertThat(inner.path("name").asText()).isEqualTo("inner");
        assertThat(inner.path("cause").asText()).isEqualTo(outer.path("activationId").asText());
        assertThat(annotation(inner, "topmost").asBoolean()).isFalse();
        assertThat(annotation(inner, "causedBy").asText()).isEqualTo("sequence");
        assertThat(inner.path("logs")).hasSize(2);
    }

    @Test
    void answersANonBlockingInvokeWithTheSequencesActivationId() {
        rest.putAction("later", sequence("/_/add-one"));

        Answer accepted = rest.post(ACTIONS + "later", object().put("n", 41));

        assertThat(accepted.status()).isEqualTo(202);
        JsonNode seq = record(accepted.json().path("activationId").asText());
        assertThat(seq.path("response").path("result").path("n").asInt()).isEqualTo(42);
    }

    @Test
    void runsAsAWebActionWithoutItsComponentListInTheInput() {
        rest.putAction("keys", action("nodejs:20", "function main(args) { return {keys: Object.keys(args).sort()}; }"));
        ObjectNode web = sequence("/_/keys");
        web.putArray("annotations").addObject().put("key", "web-export").put("value", true);
        rest.putAction("web-sequence", web);

        Answer answer = rest.anonymous().post("/api/v1/web/guest/default/web-sequence.json", object().put("n", 1));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        answer.json().path("keys").forEach(k -> keys.add(k.asText()));
        assertThat(keys).contains("n", "__ow_method").doesNotContain("_actions");
    }

    @Test
    void aDeletedComponentIsAnApplicationErrorWhenInvoked() {
        rest.putAction("doomed", action("nodejs:20", "function main(args) { return args; }"));
        rest.putAction("orphaned", sequence("/_/doomed"));
        assertThat(rest.delete(ACTIONS + "doomed").status()).isEqualTo(200);

        Answer answer = rest.post(ACTIONS + "orphaned?blocking=true", object());

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().path("response").path("result").path("error").asText())
                .isEqualTo("Sequence component does not exist.");
    }

    @Test
    void refusesSequencesOpenWhiskRefuses() {
        String[] tooMany = new String[51];
        java.util.Arrays.fill(tooMany, "/_/add-one");
        rest.putAction("nested-ten", sequence("/_/add-one", "/_/add-one", "/_/add-one", "/_/add-one", "/_/add-one",
                "/_/add-one", "/_/add-one", "/_/add-one", "/_/add-one", "/_/add-one"));
        rest.putAction("self", sequence("/_/add-one"));

        assertThat(error(rest.put(ACTIONS + "empty", sequence())))
                .isEqualTo("No component specified for the sequence.");
        assertThat(error(rest.put(ACTIONS + "long", sequence(tooMany)))).isEqualTo("Too many actions in the sequence.");
        assertThat(error(rest.put(ACTIONS + "long-nested", sequence("/_/nested-ten", "/_/nested-ten", "/_/nested-ten",
                "/_/nested-ten", "/_/nested-ten", "/_/add-one")))).isEqualTo("Too many actions in the sequence.");
        assertThat(error(rest.put(ACTIONS + "missing", sequence("/_/nope"))))
                .isEqualTo("Sequence component does not exist.");
        assertThat(error(rest.put(ACTIONS + "self?overwrite=true", sequence("/_/self"))))
                .isEqualTo("Sequence may not refer to itself.");
        assertThat(error(rest.put(ACTIONS + "relative", sequence("add-one"))))
                .startsWith("The request content was malformed:\n'components' must be a fully qualified name");
    }

    private static String error(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        return answer.json().path("error").asText();
    }
}
