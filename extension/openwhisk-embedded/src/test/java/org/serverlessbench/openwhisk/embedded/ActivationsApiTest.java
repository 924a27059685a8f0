package org.serverlessbench.openwhisk.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessbench.openwhisk.embedded.RestCalls.action;
import static org.serverlessbench.openwhisk.embedded.RestCalls.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.embedded.RestCalls.Answer;

/** {@code /activations}: list filters and views, get, logs and result, against records of real activations. */
class ActivationsApiTest {
    private static final String ACTIONS = "/api/v1/namespaces/_/actions/";
    private static final String ACTIVATIONS = "/api/v1/namespaces/_/activations";

    private static EmbeddedOpenWhisk openWhisk;
    private static RestCalls rest;
    /** Activation ids of "logger" oldest first, then the one of "pkg/other". */
    private static final List<String> loggerIds = new ArrayList<>();
    private static String otherId;
    private static long between;

    @BeforeAll
    static void start() throws Exception {
        openWhisk = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0).start();
        rest = new RestCalls(openWhisk.apiHost(), openWhisk.auth());
        rest.put(ACTIONS + "logger", action("nodejs:20",
                "function main(args) { console.log('out ' + args.n); console.error('err ' + args.n);"
                        + " return {n: args.n}; }"));
        rest.put("/api/v1/namespaces/_/packages/pkg", object());
        rest.put(ACTIONS + "pkg/other", action("nodejs:20", "function main() { return {error: 'no'}; }"));
        for (int i = 0; i < 3; i++) {
            loggerIds.add(rest.post(ACTIONS + "logger?blocking=true", object().put("n", i)).json()
                    .path("activationId").asText());
            Thread.sleep(5);
            if (i == 0) {
                between = System.currentTimeMillis();
                Thread.sleep(5);
            }
        }
        otherId = rest.post(ACTIONS + "pkg/other?blocking=true", object()).json().path("activationId").asText();
    }

    @AfterAll
    static void stop() {
        openWhisk.close();
    }

    @Test
    void listsSummariesNewestFirst() {
        JsonNode list = rest.get(ACTIVATIONS).json();

        assertThat(list.findValuesAsText("activationId"))
                .containsExactly(otherId, loggerIds.get(2), loggerIds.get(1), loggerIds.get(0));
        JsonNode newest = list.get(0);
        assertThat(newest.path("name").asText()).isEqualTo("other");
        assertThat(newest.path("statusCode").asInt()).isEqualTo(1);
        assertThat(newest.has("response")).isFalse();
        assertThat(newest.has("logs")).isFalse();
        assertThat(list.get(1).path("statusCode").asInt()).isZero();
        assertThat(list.get(1).path("start").asLong()).isPositive();
    }

    @Test
    void filtersByNameAndTimeAndPages() {
        assertThat(rest.get(ACTIVATIONS + "?name=logger").json().findValuesAsText("activationId"))
                .containsExactly(loggerIds.get(2), loggerIds.get(1), loggerIds.get(0));
        assertThat(rest.get(ACTIVATIONS + "?name=pkg/other").json().findValuesAsText("activationId"))
                .containsExactly(otherId);
        assertThat(rest.get(ACTIVATIONS + "?name=logger&limit=1&skip=1").json().findValuesAsText("activationId"))
                .containsExactly(loggerIds.get(1));
        assertThat(rest.get(ACTIVATIONS + "?name=logger&upto=" + between).json().findValuesAsText("activationId"))
                .containsExactly(loggerIds.get(0));
        assertThat(rest.get(ACTIVATIONS + "?name=logger&since=" + between).json().findValuesAsText("activationId"))
                .containsExactly(loggerIds.get(2), loggerIds.get(1));
        assertThat(rest.get(ACTIVATIONS + "?count=true&name=logger").json()).hasToString("{\"activations\":3}");
        Answer badName = rest.get(ACTIVATIONS + "?name=a/b/c");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().path("error").asText())
                .isEqualTo("Parameter may be a 'simple' name or 'package-name/simple' name: a/b/c");
        assertThat(rest.get(ACTIVATIONS + "?since=yesterday").status()).isEqualTo(400);
    }

    @Test
    void returnsFullRecordsWithDocsButNotTogetherWithCount() {
        JsonNode docs = rest.get(ACTIVATIONS + "?docs=true&name=logger&limit=1").json();
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).path("response").path("result")).hasToString("{\"n\":2}");
        assertThat(docs.get(0).path("logs")).isNotEmpty();

        Answer both = rest.get(ACTIVATIONS + "?docs=true&count=true");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().path("error").asText()).isEqualTo("The parameter 'docs' is not permitted with 'count'.");
    }

    @Test
    void getsOneRecordItsLogsAndItsResult() {
        String id = loggerIds.get(1);

        JsonNode record = rest.get(ACTIVATIONS + "/" + id).json();
        assertThat(record.path("activationId").asText()).isEqualTo(id);
        assertThat(record.path("namespace").asText()).isEqualTo("guest");
        assertThat(record.path("subject").asText()).isEqualTo("guest");
        assertThat(rest.get(ACTIVATIONS + "/" + id.toUpperCase()).status()).isEqualTo(200);

        JsonNode logs = rest.get(ACTIVATIONS + "/" + id + "/logs").json();
        assertThat(logs.fieldNames()).toIterable().containsExactly("logs");
        assertThat(logs.path("logs").toString()).contains("stdout: out 1").contains("stderr: err 1");

        JsonNode result = rest.get(ACTIVATIONS + "/" + id + "/result").json();
        assertThat(result.path("status").asText()).isEqualTo("success");
        assertThat(result.path("success").asBoolean()).isTrue();
        assertThat(result.path("result")).hasToString("{\"n\":1}");
    }

    @Test
    void checksTheIdShapeAndAnswers404ForUnknownIds() {
        Answer malformed = rest.get(ACTIVATIONS + "/not-an-id");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("error").asText()).isEqualTo("The activation id is not valid.");
        assertThat(rest.get(ACTIVATIONS + "/" + "0".repeat(32)).status()).isEqualTo(404);
        assertThat(rest.get(ACTIVATIONS + "/" + "0".repeat(32) + "/logs").status()).isEqualTo(404);
        assertThat(rest.get(ACTIVATIONS + "/" + "0".repeat(32) + "/result").status()).isEqualTo(404);
    }
}
