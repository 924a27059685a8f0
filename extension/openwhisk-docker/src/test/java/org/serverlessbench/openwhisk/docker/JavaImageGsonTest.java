package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The java:8 image gives actions OpenWhisk's Gson 2.9.0, not the test JVM's (the build's 2.11.0). */
@DockerTest
class JavaImageGsonTest {

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

    @Test
    void aJavaActionSeesGson290AndNoMemberOfLaterVersions(DockerEngine engine, @TempDir Path work) throws Exception {
        String jar = JavaActionJar.build("demo.GsonProbe", PROBE, work);
        JsonNode result = DockerTests.runOnce(engine, RuntimeImages.JAVA, "demo.GsonProbe", true, jar);
        assertThat(result.get("version").asText()).isEqualTo("2.9.0");
        assertThat(result.get("isEmpty").asBoolean()).as("JsonObject.isEmpty(), new in 2.10").isFalse();
    }
}
