package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.embedded.runtime.ActionContainer;
import org.serverlessbench.openwhisk.embedded.runtime.RuntimeResponse;

/** The nodejs:20 image runs Node.js 20 with V8's startup snapshot, as the official build does (Debian's 18: none). */
@Tag("docker")
class NodeImageVersionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PROBE = "function main() { return { version: process.version,"
            + " snapshot: String(process.config.variables.node_use_node_snapshot) }; }";

    private static DockerEngine engine;

    @BeforeAll
    static void connect() {
        engine = DockerTests.engine();
    }

    @AfterAll
    static void disconnect() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aNodejs20ActionRunsOnNode20() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String init = json.writeValueAsString(Map.of("value",
                Map.of("name", "node-version", "main", "main", "binary", false, "code", PROBE)));
        try (DockerContainerFactory factory = DockerContainerFactory.newBuilder().engine(engine).allKinds(true)
                .build();
                ActionContainer container = factory.create(RuntimeImages.NODEJS, 256, Map.of())) {
            RuntimeResponse initialized = container.init(init, TIMEOUT);
            assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);

            RuntimeResponse run = container.run("{\"value\":{}}", TIMEOUT);
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
            JsonNode result = json.readTree(run.body());
            assertThat(result.get("version").asText()).startsWith("v20.");
            assertThat(result.get("snapshot").asText()).isEqualTo("true");
        }
    }
}
