package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The nodejs:20 image runs Node.js 20 with V8's startup snapshot, as the official build does (Debian's 18: none). */
@DockerTest
class NodeImageVersionTest {

    private static final String PROBE = "function main() { return { version: process.version,"
            + " snapshot: String(process.config.variables.node_use_node_snapshot) }; }";

    @Test
    void aNodejs20ActionRunsOnNode20(DockerEngine engine) throws Exception {
        JsonNode result = DockerTests.runOnce(engine, RuntimeImages.NODEJS, "main", false, PROBE);
        assertThat(result.get("version").asText()).startsWith("v20.");
        assertThat(result.get("snapshot").asText()).isEqualTo("true");
    }
}
