package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.serverlessbench.openwhisk.embedded.runtime.ActionContainer;
import org.serverlessbench.openwhisk.embedded.runtime.RuntimeResponse;

/** The java:8 image gives actions OpenWhisk's Gson 2.9.0, not the test JVM's (the build's 2.11.0). */
@Tag("docker")
class JavaImageGsonTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PROBE = """
            package demo;
            import com.google.gson.Gson;
            import com.google.gson.JsonObject;
            public class GsonProbe {
                public static JsonObject main(JsonObject args) throws Exception {
                    JsonObject result = new JsonObject();
                    java.io.File jar = new java.io.File(Gson.class.getProtectionDomain().getCodeSource()
                            .getLocation().toURI());
                    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar)) {
                        result.addProperty("version",
                                file.getManifest().getMainAttributes().getValue("Bundle-Version"));
                    }
                    boolean isEmpty = true;
                    try {
                        JsonObject.class.getMethod("isEmpty");
                    } catch (NoSuchMethodException absent) {
                        isEmpty = false;
                    }
                    result.addProperty("isEmpty", isEmpty);
                    return result;
                }
            }
            """;

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
    void aJavaActionSeesGson290AndNoMemberOfLaterVersions(@TempDir Path work) throws Exception {
        String jar = JavaActionJar.build("demo.GsonProbe", PROBE, work);
        String init = "{\"value\":{\"name\":\"gson-probe\",\"main\":\"demo.GsonProbe\",\"binary\":true,\"code\":\""
                + jar + "\"}}";
        try (DockerContainerFactory factory = DockerContainerFactory.newBuilder().engine(engine).allKinds(true)
                .build();
                ActionContainer container = factory.create(RuntimeImages.JAVA, 256, Map.of())) {
            RuntimeResponse initialized = container.init(init, TIMEOUT);
            assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);

            RuntimeResponse run = container.run("{\"value\":{}}", TIMEOUT);
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
            JsonNode result = new ObjectMapper().readTree(run.body());
            assertThat(result.get("version").asText()).isEqualTo("2.9.0");
            assertThat(result.get("isEmpty").asBoolean()).as("JsonObject.isEmpty(), new in 2.10").isFalse();
        }
    }
}
