package org.serverlessbench.openwhisk.embedded.invoker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.embedded.runtime.RuntimeResponse;

class RuntimeAnswersTest {

    @Test
    void objectWithoutErrorIsSuccessWithSize() {
        ActivationResult result = RuntimeAnswers.run(new RuntimeResponse(200, "{\"a\":1}"));

        assertThat(result.toJson().toString())
                .isEqualTo("{\"status\":\"success\",\"success\":true,\"result\":{\"a\":1},\"size\":7}");
        assertThat(result.destroysContainer()).isFalse();
    }

    @Test
    void errorFieldIsApplicationErrorKeepingOnlyTheError() {
        ActivationResult result = RuntimeAnswers.run(new RuntimeResponse(200, "{\"error\":\"boom\",\"other\":1}"));

        assertThat(result.status()).isEqualTo("application error");
        assertThat(result.result().toString()).isEqualTo("{\"error\":\"boom\"}");
        assertThat(result.destroysContainer()).isFalse();
    }

    @Test
    void arrayIsSuccess() {
        ActivationResult result = RuntimeAnswers.run(new RuntimeResponse(200, "[1,2]"));

        assertThat(result.status()).isEqualTo("success");
        assertThat(result.result().toString()).isEqualTo("[1,2]");
    }

    @Test
    void non200WithErrorIsDeveloperErrorWithThatError() {
        ActivationResult result = RuntimeAnswers.run(
                new RuntimeResponse(502, "{\"error\":\"The action did not return a dictionary.\"}"));

        assertThat(result.status()).isEqualTo("action developer error");
        assertThat(result.result().get("error").asText()).isEqualTo("The action did not return a dictionary.");
        assertThat(result.destroysContainer()).isTrue();
    }

    @Test
    void nonJsonIsDeveloperErrorQuotingTheAnswer() {
        ActivationResult result = RuntimeAnswers.run(new RuntimeResponse(200, "hello"));

        assertThat(result.status()).isEqualTo("action developer error");
        assertThat(result.result().get("error").asText())
                .isEqualTo("The action did not produce a valid JSON response: hello");
    }

    @Test
    void emptyAnswerIsDeveloperErrorEndingWithAFullStop() {
        assertThat(RuntimeAnswers.run(new RuntimeResponse(200, "")).result().get("error").asText())
                .isEqualTo("The action did not produce a valid JSON response.");
        assertThat(RuntimeAnswers.run(new RuntimeResponse(200, "\"text\"")).status())
                .isEqualTo("action developer error");
    }

    @Test
    void answerOverOneMegabyteIsTruncatedAsApplicationError() {
        String big = "{\"a\":\"" + "x".repeat(RuntimeAnswers.MAX_RESULT_BYTES) + "\"}";

        ActivationResult result = RuntimeAnswers.run(new RuntimeResponse(200, big));

        assertThat(result.status()).isEqualTo("application error");
        assertThat(result.size()).isEqualTo(big.length());
        assertThat(result.result().get("error").asText())
                .startsWith("The action produced a response that exceeded the allowed length: " + big.length()
                        + " > 1048576 bytes. The truncated response was: {\"a\":\"xxx")
                .hasSize(("The action produced a response that exceeded the allowed length: " + big.length()
                        + " > 1048576 bytes. The truncated response was: ").length() + 1048576);
    }

    @Test
    void failedInitTakesTheErrorFieldOrQuotesTheAnswer() {
        assertThat(RuntimeAnswers.failedInit(new RuntimeResponse(502, "{\"error\":\"bad code\"}")).result()
                .toString()).isEqualTo("{\"error\":\"bad code\"}");
        assertThat(RuntimeAnswers.failedInit(new RuntimeResponse(500, "oops")).result().get("error").asText())
                .isEqualTo("The action failed during initialization: oops");
        assertThat(RuntimeAnswers.failedInit(new RuntimeResponse(500, "")).status())
                .isEqualTo("action developer error");
    }
}
