package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RowCodecImageTest {

    private final RowCodec codec = new RowCodec(new ObjectMapper());

    @Test
    void anImageRowCarriesItsDeploymentAndImage() {
        InvocationRow row = new InvocationRow("T#m", "f", "run1-f", "library", "a1", false, true, "success", true,
                1000, 900L, 800L, 10L, null, 256, Instant.parse("2026-12-01T16:00:00Z"), InvocationRow.IMAGE,
                "127.0.0.1:5000/serverless-benchmarks:function.openwhisk.010.sleep.nodejs-20-x64-dev");

        JsonNode json = codec.toJson(row);

        assertThat(json.get("deployment").asText()).isEqualTo("image");
        assertThat(json.get("image").asText()).endsWith(":function.openwhisk.010.sleep.nodejs-20-x64-dev");
    }

    @Test
    void aCodeRowHasNoImage() {
        InvocationRow row = new InvocationRow("T#m", "f", "run1-f", "library", "a1", false, true, "success", true,
                1000, 900L, 800L, 10L, null, 256, Instant.parse("2026-12-01T16:00:00Z"));

        JsonNode json = codec.toJson(row);

        assertThat(json.get("deployment").asText()).isEqualTo("code");
        assertThat(json.get("image").isNull()).isTrue();
    }
}
