package org.serverlessbench.openwhisk.embedded.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request bodies as large as OpenWhisk accepts parse: action code up to its 48 MB limit. */
class JsonLimitsTest {

    @Test
    void parsesActionCodeOfFortyEightMegabytes() {
        int length = (int) ControllerConfig.MAX_CODE_BYTES;
        StringBuilder body = new StringBuilder(length + 64).append("{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"");
        body.append("x".repeat(length)).append("\"}}");

        var parsed = Json.parseBody(body.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(parsed.path("exec").path("code").textValue()).hasSize(length);
    }
}
