package org.serverlessbench.openwhisk.embedded.invoker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ActivationRunnerBodiesTest {

    @Test
    void runBodyCarriesTheActivationContextAsStrings() throws Exception {
        ActionRevision action = TestActivations.nodeAction("say \"hi\"", "x");
        ActivationRequest request = TestActivations.request(action, Json.NODES.objectNode().put("a", "b\n"), "u:k");

        JsonNode body = Json.MAPPER.readTree(ActivationRunner.runBody(request, 1234));

        assertThat(body.get("value").toString()).isEqualTo("{\"a\":\"b\\n\"}");
        assertThat(body.get("namespace").asText()).isEqualTo("guest");
        assertThat(body.get("action_name").asText()).isEqualTo("/guest/say \"hi\"");
        assertThat(body.get("action_version").asText()).isEqualTo("0.0.1");
        assertThat(body.get("activation_id").asText()).isEqualTo(request.activationId());
        assertThat(body.get("transaction_id").asText()).isEqualTo(request.transactionId());
        assertThat(body.get("deadline").isTextual()).isTrue();
        assertThat(body.get("deadline").asText()).isEqualTo("1234");
        assertThat(body.get("api_key").asText()).isEqualTo("u:k");
    }

    @Test
    void runBodyLeavesTheApiKeyOutWhenNotProvided() throws Exception {
        ActivationRequest request = TestActivations.request(TestActivations.nodeAction("a", "x"));

        JsonNode body = Json.MAPPER.readTree(ActivationRunner.runBody(request, 1));

        assertThat(body.has("api_key")).isFalse();
        assertThat(body.get("value").toString()).isEqualTo("{}");
    }

    @Test
    void initBodyHasNameMainBinaryCodeAndStringEnvironment() throws Exception {
        ActionRevision action = TestActivations.nodeAction("a", "function main() {}");
        ActivationRequest request = TestActivations.request(action, Json.NODES.objectNode(), null);

        JsonNode value = Json.MAPPER.readTree(ActivationRunner.initBody(request, 99)).get("value");

        assertThat(value.fieldNames()).toIterable().containsExactly("name", "main", "binary", "code", "env");
        assertThat(value.get("env").fieldNames()).toIterable().containsExactly("__OW_NAMESPACE",
                "__OW_ACTION_NAME", "__OW_ACTION_VERSION", "__OW_ACTIVATION_ID", "__OW_TRANSACTION_ID",
                "__OW_DEADLINE");
        assertThat(value.get("env").get("__OW_DEADLINE").asText()).isEqualTo("99");
    }
}
