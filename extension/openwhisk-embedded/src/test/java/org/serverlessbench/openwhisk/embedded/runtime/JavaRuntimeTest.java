package org.serverlessbench.openwhisk.embedded.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.init;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.json;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JavaRuntimeTest extends ProcessRuntimeContract {

    private static final String KIND = "java:8";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String ACTIONS = """
            package demo;
            import com.google.gson.JsonArray;
            import com.google.gson.JsonObject;
            public class Actions {
                public static JsonObject main(JsonObject args) {
                    JsonObject result = new JsonObject();
                    result.addProperty("greeting", "Hello " + args.get("name").getAsString());
                    return result;
                }
                public static JsonArray reverse(JsonArray args) {
                    JsonArray result = new JsonArray();
                    for (int i = args.size() - 1; i >= 0; i--) result.add(args.get(i));
                    return result;
                }
                public static JsonObject environment(JsonObject args) {
                    JsonObject result = new JsonObject();
                    result.addProperty("host", System.getenv("__OW_API_HOST"));
                    result.addProperty("id", System.getenv("__OW_ACTIVATION_ID"));
                    result.addProperty("name", System.getenv("__OW_ACTION_NAME"));
                    result.addProperty("deadline", System.getenv("__OW_DEADLINE"));
                    result.addProperty("idProperty", System.getProperty("__OW_ACTIVATION_ID"));
                    return result;
                }
                public static JsonObject fail(JsonObject args) {
                    throw new IllegalStateException("kaputt");
                }
                public static JsonObject nothing(JsonObject args) {
                    return null;
                }
                public static JsonObject applicationError(JsonObject args) {
                    JsonObject result = new JsonObject();
                    result.addProperty("error", "bad input");
                    return result;
                }
                public static JsonObject halt(JsonObject args) {
                    Runtime.getRuntime().halt(3);
                    return args;
                }
                public static JsonObject spin(JsonObject args) {
                    while (true) { Thread.onSpinWait(); }
                }
                public static JsonObject log(JsonObject args) {
                    System.out.println("out " + args.get("n"));
                    System.err.println("err " + args.get("n"));
                    System.out.println("second line");
                    return new JsonObject();
                }
                public static JsonObject echo(JsonObject args) {
                    JsonObject result = new JsonObject();
                    result.addProperty("echo", args.get("text").getAsString() + " \\u2713");
                    return result;
                }
                public static JsonObject hog(JsonObject args) {
                    java.util.List<long[]> keep = new java.util.ArrayList<>();
                    while (true) keep.add(new long[1 << 20]);
                }
                public static JsonObject spawn(JsonObject args) throws java.io.IOException {
                    JsonObject result = new JsonObject();
                    result.addProperty("pid", new ProcessBuilder("sleep", "60").start().pid());
                    return result;
                }
                public static JsonObject gson(JsonObject args) throws Exception {
                    JsonObject result = new JsonObject();
                    java.io.File jar = new java.io.File(com.google.gson.Gson.class.getProtectionDomain()
                            .getCodeSource().getLocation().toURI());
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
                public static JsonObject empty(JsonObject args) {
                    JsonObject result = new JsonObject();
                    result.addProperty("empty", args.isEmpty());
                    return result;
                }
                public static String notAnAction(JsonObject args) {
                    return "";
                }
            }
            """;

    @RegisterExtension
    static final RuntimeUnderTest runtime = new RuntimeUnderTest(KIND, TIMEOUT);
    private static String jar;

    @BeforeAll
    static void buildJar() {
        jar = JavaActionJars.build(Map.of("demo.Actions", ACTIONS));
    }

    private static ActionContainer initialized(String main) throws Exception {
        return runtime.initialized(init(jar, main, true, Map.of()));
    }

    @Override
    RuntimeUnderTest runtime() {
        return runtime;
    }

    @Override
    String initBody(Action action) {
        String main = switch (action) {
            case GREETING -> "demo.Actions";
            case ENVIRONMENT -> "demo.Actions#environment";
            case APPLICATION_ERROR -> "demo.Actions#applicationError";
            case EXIT_3 -> "demo.Actions#halt";
            case SPIN -> "demo.Actions#spin";
            case LOGGING -> "demo.Actions#log";
            case ECHO -> "demo.Actions#echo";
            case SPAWN_CHILD -> "demo.Actions#spawn";
        };
        return init(jar, main, true, Map.of());
    }

    @Override
    Refusal refusal(Refused request) {
        return switch (request) {
            case RUN_BEFORE_INIT -> new Refusal(502, "Cannot invoke an uninitialized action.");
            case INIT_WITHOUT_CODE -> new Refusal(502, "Missing main/no code to execute.");
            case SECOND_INIT -> new Refusal(502, "Cannot initialize the action more than once.");
        };
    }

    @Override
    String initAnswer() {
        return "OK";
    }

    @Override
    void assertMoreEnvironment(JsonNode result) {
        assertThat(result.get("idProperty").asText()).isEqualTo("0123456789abcdef0123456789abcdef");
    }

    @Test
    void rejectsAMissingMainClassOrMethodAtInit() throws Exception {
        try (ActionContainer missingMain = runtime.container(256);
                ActionContainer missingClass = runtime.container(256);
                ActionContainer wrongSignature = runtime.container(256)) {
            RuntimeResponse noMain = missingMain.init(init(jar, "", true, Map.of()), TIMEOUT);
            assertThat(noMain.statusCode()).isEqualTo(502);
            assertThat(json(noMain).get("error").asText()).isEqualTo("Missing main/no code to execute.");

            RuntimeResponse noClass = missingClass.init(init(jar, "demo.Missing", true, Map.of()), TIMEOUT);
            assertThat(noClass.statusCode()).isEqualTo(502);
            assertThat(json(noClass).get("error").asText()).contains("ClassNotFoundException: demo.Missing");
            assertThat(missingClass.drainLogs(TIMEOUT)).extracting(LogLine::text)
                    .anyMatch(line -> line.contains("ClassNotFoundException"));

            RuntimeResponse notJson = wrongSignature.init(init(jar, "demo.Actions#notAnAction", true, Map.of()),
                    TIMEOUT);
            assertThat(notJson.statusCode()).isEqualTo(502);
            assertThat(json(notJson).get("error").asText()).contains("NoSuchMethodException");
        }
    }

    @Test
    void runsAClassHashMethodWithAJsonArray() throws Exception {
        try (ActionContainer container = initialized("demo.Actions#reverse")) {
            RuntimeResponse response = container.run(run(List.of(1, 2, 3)), TIMEOUT);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("[3,2,1]");

            RuntimeResponse object = container.run(run(Map.of()), TIMEOUT);
            assertThat(object.statusCode()).isEqualTo(502);
            assertThat(json(object).get("error").asText()).contains("accepts a JsonObject");
        }
    }

    /** OpenWhisk's java:8 gives every action Gson 2.9.0; the test JVM has the build's (2.11.0). */
    @Test
    void givesActionsTheGsonOfOpenWhisksJavaRuntimeNotTheTestJvms() throws Exception {
        try (ActionContainer container = initialized("demo.Actions#gson")) {
            RuntimeResponse response = container.run(run(Map.of()), TIMEOUT);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).get("version").asText()).isEqualTo("2.9.0");
            assertThat(json(response).get("isEmpty").asBoolean()).as("JsonObject.isEmpty(), new in 2.10").isFalse();
        }
    }

    /** Compiled against the test JVM's Gson, where JsonObject.isEmpty() exists; fails as on OpenWhisk. */
    @Test
    void failsAnActionThatCallsAGsonMemberOpenWhisksRuntimeLacks() throws Exception {
        try (ActionContainer container = initialized("demo.Actions#empty")) {
            RuntimeResponse response = container.run(run(Map.of()), TIMEOUT);
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(json(response).get("error").asText())
                    .contains("java.lang.NoSuchMethodError").contains("JsonObject.isEmpty()");
            assertThat(container.drainLogs(TIMEOUT)).extracting(LogLine::text)
                    .anyMatch(line -> line.startsWith("java.lang.NoSuchMethodError"));
        }
    }

    @Test
    void answersExceptionsAndNullWith502() throws Exception {
        try (ActionContainer failing = initialized("demo.Actions#fail");
                ActionContainer nothing = initialized("demo.Actions#nothing")) {
            RuntimeResponse thrown = failing.run(run(Map.of()), TIMEOUT);
            assertThat(thrown.statusCode()).isEqualTo(502);
            assertThat(json(thrown).get("error").asText())
                    .startsWith("An error has occurred")
                    .contains("java.lang.IllegalStateException: kaputt");
            assertThat(failing.drainLogs(TIMEOUT)).extracting(LogLine::stream, LogLine::text)
                    .contains(Tuple.tuple("stderr", "java.lang.IllegalStateException: kaputt"));

            RuntimeResponse empty = nothing.run(run(Map.of()), TIMEOUT);
            assertThat(empty.statusCode()).isEqualTo(502);
            assertThat(json(empty).get("error").asText()).contains("The action returned null");
        }
    }

    @Test
    void endsAnActivationThatExceedsTheHeap() throws Exception {
        try (ActionContainer container = runtime.container(64)) {
            assertThat(container.init(init(jar, "demo.Actions#hog", true, Map.of()), TIMEOUT).statusCode())
                    .isEqualTo(200);
            RuntimeResponse response = container.run(run(Map.of()), TIMEOUT);
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(json(response).get("error").asText()).contains("java.lang.OutOfMemoryError");
        }
    }
}
