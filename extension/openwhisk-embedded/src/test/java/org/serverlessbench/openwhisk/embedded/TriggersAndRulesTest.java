package org.serverlessbench.openwhisk.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessbench.openwhisk.embedded.RestCalls.action;
import static org.serverlessbench.openwhisk.embedded.RestCalls.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.embedded.RestCalls.Answer;

/** Triggers and rules over real HTTP: CRUD, enable and disable, and fires that invoke real node actions. */
class TriggersAndRulesTest {
    private static final String NS = "/api/v1/namespaces/_/";
    private static final String ECHO = "function main(args) { delete args.__ow_headers; return args; }";

    private static EmbeddedOpenWhisk openWhisk;
    private static RestCalls rest;

    @BeforeAll
    static void start() throws Exception {
        openWhisk = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0).start();
        rest = new RestCalls(openWhisk.apiHost(), openWhisk.auth());
        ObjectNode echo = action("nodejs:20", ECHO);
        echo.putArray("parameters").addObject().put("key", "fromAction").put("value", "a");
        ok(rest.put(NS + "actions/echo", echo));
    }

    @AfterAll
    static void stop() {
        openWhisk.close();
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private static ObjectNode trigger(String key, String value) {
        ObjectNode body = object();
        body.putArray("parameters").addObject().put("key", key).put("value", value);
        return body;
    }

    private static ObjectNode rule(String trigger, String action) {
        return object().put("trigger", trigger).put("action", action);
    }

    private static JsonNode record(String activationId) {
        return rest.awaitStatus(NS + "activations/" + activationId, 200, Duration.ofSeconds(30)).json();
    }

    @Test
    void createsGetsListsUpdatesAndDeletesTriggers() {
        JsonNode created = ok(rest.put(NS + "triggers/crud", trigger("p", "1")));
        assertThat(created.path("namespace").asText()).isEqualTo("guest");
        assertThat(created.path("version").asText()).isEqualTo("0.0.1");
        assertThat(created.path("limits").toString()).isEqualTo("{}");
        assertThat(created.has("rules")).isFalse();

        assertThat(rest.put(NS + "triggers/crud", object()).status()).isEqualTo(409);
        JsonNode updated = ok(rest.put(NS + "triggers/crud?overwrite=true", trigger("q", "2")));
        assertThat(updated.path("version").asText()).isEqualTo("0.0.2");
        assertThat(updated.path("parameters").findValuesAsText("key")).containsExactly("q");
        assertThat(ok(rest.get(NS + "triggers/crud")).path("parameters").findValuesAsText("key")).containsExactly("q");
        JsonNode listed = ok(rest.get(NS + "triggers"));
        assertThat(listed.findValuesAsText("name")).contains("crud");
        assertThat(listed.get(0).has("parameters")).isFalse();
        assertThat(ok(rest.get(NS + "triggers?count=true")).path("triggers").asInt()).isPositive();

        assertThat(ok(rest.delete(NS + "triggers/crud")).path("name").asText()).isEqualTo("crud");
        assertThat(rest.get(NS + "triggers/crud").status()).isEqualTo(404);
        assertThat(rest.delete(NS + "triggers/crud").status()).isEqualTo(404);
        assertThat(rest.post(NS + "triggers/crud", object()).status()).isEqualTo(404);
    }

    @Test
    void firingRunsEachActiveRulesActionWithTriggerParametersAndPayload() {
        ok(rest.put(NS + "triggers/fired", trigger("fromTrigger", "t")));
        JsonNode created = ok(rest.put(NS + "rules/on-fired", rule("/_/fired", "/_/echo")));
        assertThat(created.path("status").asText()).isEqualTo("active");
        assertThat(created.path("trigger").toString()).isEqualTo("{\"path\":\"guest\",\"name\":\"fired\"}");
        assertThat(created.path("action").toString()).isEqualTo("{\"path\":\"guest\",\"name\":\"echo\"}");
        assertThat(ok(rest.get(NS + "triggers/fired")).path("rules").path("guest/on-fired").toString())
                .isEqualTo("{\"action\":{\"path\":\"guest\",\"name\":\"echo\"},\"status\":\"active\"}");

        Answer fired = rest.post(NS + "triggers/fired", object().put("fromPayload", "p").put("fromTrigger", "over"));

        assertThat(fired.status()).as(fired.text()).isEqualTo(202);
        String triggerActivation = fired.json().path("activationId").asText();
        assertThat(fired.header("x-openwhisk-activation-id")).isEqualTo(triggerActivation);
        JsonNode record = record(triggerActivation);
        assertThat(record.path("name").asText()).isEqualTo("fired");
        assertThat(record.has("end")).isFalse();
        assertThat(record.path("response").path("result").toString())
                .isEqualTo("{\"fromPayload\":\"p\",\"fromTrigger\":\"over\"}");
        assertThat(record.path("logs")).hasSize(1);
        JsonNode outcome = RestCalls.parse(record.path("logs").get(0).asText());
        assertThat(outcome.path("success").asBoolean()).isTrue();
        assertThat(outcome.path("statusCode").asInt()).isZero();
        assertThat(outcome.path("rule").asText()).isEqualTo("guest/on-fired");
        assertThat(outcome.path("action").asText()).isEqualTo("guest/echo");
        JsonNode invoked = record(outcome.path("activationId").asText());
        assertThat(invoked.path("name").asText()).isEqualTo("echo");
        assertThat(invoked.path("response").path("result").toString())
                .isEqualTo("{\"fromAction\":\"a\",\"fromTrigger\":\"over\",\"fromPayload\":\"p\"}");
        JsonNode summary = ok(rest.get(NS + "activations?name=fired")).get(0);
        assertThat(summary.path("activationId").asText()).isEqualTo(triggerActivation);
        assertThat(summary.has("statusCode")).isFalse();
    }

    @Test
    void disabledRulesDoNotFireAndEnabledOnesDoAgain() {
        ok(rest.put(NS + "triggers/toggled", object()));
        ok(rest.put(NS + "rules/toggle", rule("/guest/toggled", "/guest/echo")));

        Answer disabled = rest.post(NS + "rules/toggle", object().put("status", "inactive"));
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(ok(rest.get(NS + "rules/toggle")).path("status").asText()).isEqualTo("inactive");
        assertThat(rest.post(NS + "rules/toggle", object().put("status", "inactive")).status()).isEqualTo(200);
        assertThat(rest.post(NS + "triggers/toggled", object()).status()).isEqualTo(204);

        ok(rest.put(NS + "rules/second", rule("/_/toggled", "/_/echo")));
        Answer fired = rest.post(NS + "triggers/toggled", object());
        assertThat(fired.status()).isEqualTo(202);
        List<String> outcomes = new ArrayList<>();
        record(fired.json().path("activationId").asText()).path("logs")
                .forEach(line -> outcomes.add(RestCalls.parse(line.asText()).path("rule").asText() + " "
                        + RestCalls.parse(line.asText()).path("success").asBoolean()));
        assertThat(outcomes).containsExactlyInAnyOrder("guest/toggle false", "guest/second true");

        assertThat(rest.post(NS + "rules/toggle", object().put("status", "active")).status()).isEqualTo(200);
        assertThat(ok(rest.get(NS + "rules/toggle")).path("status").asText()).isEqualTo("active");
        assertThat(rest.post(NS + "rules/toggle", object().put("status", "paused")).status()).isEqualTo(400);
    }

    @Test
    void updatesListsAndDeletesRules() {
        ok(rest.put(NS + "triggers/first", object()));
        ok(rest.put(NS + "triggers/moved-to", object()));
        ok(rest.put(NS + "rules/moving", rule("/_/first", "/_/echo")));
        assertThat(rest.put(NS + "rules/moving", rule("/_/first", "/_/echo")).status()).isEqualTo(409);

        JsonNode moved = ok(rest.put(NS + "rules/moving?overwrite=true", object().put("trigger", "/_/moved-to")));

        assertThat(moved.path("version").asText()).isEqualTo("0.0.2");
        assertThat(moved.path("status").asText()).isEqualTo("active");
        assertThat(ok(rest.get(NS + "triggers/first")).path("rules").toString()).isEqualTo("{}");
        assertThat(ok(rest.get(NS + "triggers/moved-to")).path("rules").has("guest/moving")).isTrue();
        JsonNode listed = ok(rest.get(NS + "rules"));
        assertThat(listed.findValuesAsText("name")).contains("moving");
        assertThat(ok(rest.get(NS + "rules?count=true")).path("rules").asInt()).isPositive();

        JsonNode deleted = ok(rest.delete(NS + "rules/moving"));
        assertThat(deleted.path("status").asText()).isEqualTo("inactive");
        assertThat(rest.get(NS + "rules/moving").status()).isEqualTo(404);
        assertThat(ok(rest.get(NS + "triggers/moved-to")).path("rules").toString()).isEqualTo("{}");
    }

    @Test
    void refusesRulesWhoseTriggerOrActionIsMissing() {
        ok(rest.put(NS + "triggers/lonely", object()));

        Answer noTrigger = rest.put(NS + "rules/broken", rule("/_/nope", "/_/echo"));
        Answer noAction = rest.put(NS + "rules/broken", rule("/_/lonely", "/_/nope"));
        Answer incomplete = rest.put(NS + "rules/broken", object().put("trigger", "/_/lonely"));

        assertThat(noTrigger.status()).isEqualTo(400);
        assertThat(noTrigger.json().path("error").asText()).isEqualTo("trigger /guest/nope does not exist");
        assertThat(noAction.status()).isEqualTo(400);
        assertThat(noAction.json().path("error").asText()).isEqualTo("action /guest/nope does not exist");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().path("error").asText())
                .isEqualTo("rule requires a valid trigger and a valid action");
    }

    @Test
    void aRuleWhoseActionWasDeletedIsReportedInTheTriggersLogs() {
        ok(rest.put(NS + "actions/short-lived", action("nodejs:20", ECHO)));
        ok(rest.put(NS + "triggers/orphan", object()));
        ok(rest.put(NS + "rules/orphaned", rule("/_/orphan", "/_/short-lived")));
        ok(rest.delete(NS + "actions/short-lived"));

        Answer fired = rest.post(NS + "triggers/orphan", null);

        assertThat(fired.status()).isEqualTo(202);
        JsonNode outcome = RestCalls.parse(record(fired.json().path("activationId").asText()).path("logs").get(0)
                .asText());
        assertThat(outcome.path("success").asBoolean()).isFalse();
        assertThat(outcome.path("statusCode").asInt()).isEqualTo(1);
        assertThat(outcome.path("error").asText()).isEqualTo("The requested resource does not exist.");
    }

    @Test
    void aRuleCanRunASequence() {
        ObjectNode sequence = object();
        sequence.putObject("exec").put("kind", "sequence").putArray("components").add("/_/echo").add("/_/echo");
        ok(rest.put(NS + "actions/twice", sequence));
        ok(rest.put(NS + "triggers/seq-trigger", object()));
        ok(rest.put(NS + "rules/seq-rule", rule("/_/seq-trigger", "/_/twice")));

        Answer fired = rest.post(NS + "triggers/seq-trigger", object().put("x", 1));

        JsonNode outcome = RestCalls.parse(record(fired.json().path("activationId").asText()).path("logs").get(0)
                .asText());
        JsonNode seq = record(outcome.path("activationId").asText());
        assertThat(seq.path("name").asText()).isEqualTo("twice");
        assertThat(seq.path("logs")).hasSize(2);
        assertThat(seq.path("response").path("result").path("x").asInt()).isEqualTo(1);
    }
}
