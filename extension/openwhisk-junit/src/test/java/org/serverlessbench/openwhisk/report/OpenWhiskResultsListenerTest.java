package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

class OpenWhiskResultsListenerTest {

    private static final List<String> INVOCATION_FIELDS = List.of("test", "function", "action", "trigger",
            "activationId", "warmup", "cold", "status", "success", "clientTimeUs", "providerExecutionUs",
            "providerInitUs", "providerWaitUs", "benchmarkTimeUs", "memoryMb", "startedAt", "deployment", "image");

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void launcherFindsTheListenerAndItWritesTheRunsFilesAndSummary() throws IOException {
        Instant before = Instant.now();
        Path results = directory.resolve("results");

        String console = runWithServiceLoadedListener(RecordingTestCases.class, results);

        JsonNode json = mapper.readTree(results.resolve("results.json").toFile());
        JsonNode run = json.get("run");
        assertThat(run.get("target").asText()).isEqualTo("embedded");
        assertThat(run.get("apiHost").asText()).isEqualTo("http://127.0.0.1:3233");
        assertThat(run.get("environment").get("java").asText()).isEqualTo("17");
        Instant startedAt = Instant.parse(run.get("startedAt").asText());
        assertThat(startedAt).isAfterOrEqualTo(before);
        assertThat(Instant.parse(run.get("finishedAt").asText())).isAfterOrEqualTo(startedAt);

        JsonNode invocations = json.get("invocations");
        assertThat(invocations).hasSize(6);
        List<String> fieldNames = new ArrayList<>();
        invocations.get(0).fieldNames().forEachRemaining(fieldNames::add);
        assertThat(fieldNames).isEqualTo(INVOCATION_FIELDS);
        assertThat(invocations.get(0).get("warmup").asBoolean()).isTrue();
        assertThat(invocations.get(5).get("status").asText()).isEqualTo("application error");
        assertThat(invocations.get(5).get("providerExecutionUs").isNull()).isTrue();

        JsonNode summary = json.get("summary");
        assertThat(summary).hasSize(2);
        JsonNode measured = summary.get(0);
        assertThat(measured.get("test").asText()).isEqualTo(RecordingTestCases.class.getName() + "#measures");
        assertThat(measured.get("function").asText()).isEqualTo("sleep-python");
        assertThat(measured.get("count").asInt()).isEqualTo(4);
        assertThat(measured.get("warmupCount").asInt()).isEqualTo(1);
        assertThat(measured.get("coldCount").asInt()).isEqualTo(1);
        assertThat(measured.get("failureCount").asInt()).isZero();
        assertThat(measured.get("clientTimeUs").get("p50").asLong()).isEqualTo(2_000);
        assertThat(measured.get("clientTimeUs").get("p95").asLong()).isEqualTo(40_000);
        assertThat(measured.get("clientTimeUs").get("max").asLong()).isEqualTo(40_000);
        assertThat(measured.get("providerExecutionUs").get("p50").asLong()).isEqualTo(1_500);
        assertThat(measured.get("providerInitUs").get("count").asInt()).isEqualTo(1);
        assertThat(measured.get("providerInitUs").get("mean").asDouble()).isEqualTo(30_000.0);
        JsonNode failing = summary.get(1);
        assertThat(failing.get("failureCount").asInt()).isEqualTo(1);
        assertThat(failing.get("providerExecutionUs").get("count").asInt()).isZero();
        assertThat(failing.get("providerExecutionUs").has("p50")).isFalse();

        List<List<String>> csv = Csv.parse(Files.readString(results.resolve("results.csv"), StandardCharsets.UTF_8));
        assertThat(csv.get(0)).isEqualTo(INVOCATION_FIELDS);
        assertThat(csv).hasSize(7);
        assertThat(csv.get(6).get(0)).isEqualTo(RecordingTestCases.class.getName() + "#fails");

        assertThat(console)
                .contains("OpenWhisk results: 6 invocations (1 warm-up, not in the statistics) on embedded"
                        + " (http://127.0.0.1:3233)")
                .containsPattern("test +function +n +cold +failed +client p50 +client p95 +provider p50 +provider p95"
                        + " +mean init")
                .containsPattern("RecordingTestCases#measures +sleep-python +4 +1 +0 +2\\.00 +40\\.00 +1\\.50 +35\\.00"
                        + " +30\\.00")
                .containsPattern("RecordingTestCases#fails +sleep-python +1 +0 +1 +4\\.00 +4\\.00 +- +- +-")
                .contains("results.json");
    }

    @Test
    void runWithoutInvocationsWritesAndPrintsNothing() throws IOException {
        Path results = directory.resolve("results");

        String console = runWithServiceLoadedListener(PlainTestCases.class, results);

        assertThat(console).doesNotContain("OpenWhisk");
        assertThat(results.resolve("results.json")).doesNotExist();
        assertThat(results.resolve("results.csv")).doesNotExist();
    }

    @Test
    void removesFilesOfEndedProcessesAndIgnoresEarlierPlansOfThisProcess() throws IOException {
        Path results = Files.createDirectories(directory.resolve("results"));
        Path ofEndedProcess = results.resolve("invocations-999999999-old.jsonl");
        Files.writeString(ofEndedProcess, "{\"invocation\":{}}\n");
        Path ofEarlierPlan;
        try (ResultsSink earlier = ResultsSink.open(results, new RunInfo("remote", "https://old", Map.of()))) {
            earlier.append(Rows.warm("Earlier#plan", "f", 1, 10, 5));
            ofEarlierPlan = earlier.file();
        }

        runWithServiceLoadedListener(RecordingTestCases.class, results);

        assertThat(ofEndedProcess).doesNotExist();
        assertThat(ofEarlierPlan).exists();
        JsonNode json = mapper.readTree(results.resolve("results.json").toFile());
        assertThat(json.get("run").get("target").asText()).isEqualTo("embedded");
        assertThat(json.get("invocations")).hasSize(6);
    }

    /** Runs {@code testClass} with a launcher that loads its listeners itself, capturing what they print. */
    private static String runWithServiceLoadedListener(Class<?> testClass, Path results) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .configurationParameter(OpenWhiskResultsListener.RESULTS_DIRECTORY_KEY, results.toString())
                .configurationParameter(RecordingExtension.ENABLED, "true")
                .build();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            launcher.execute(request, summary);
            assertThat(summary.getSummary().getTestsStartedCount()).isPositive();
        } finally {
            System.setOut(original);
        }
        return console.toString(StandardCharsets.UTF_8);
    }

    /**
     * Stands in for the OpenWhisk extension: one {@link ResultsSink} per engine run in the root store (closed by
     * Jupiter at the end of the run), in the directory the run is configured with.
     */
    static class RecordingExtension implements ParameterResolver {

        static final String ENABLED = "report.fixtures.enabled";
        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(RecordingExtension.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == ResultsSink.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            assertThat(context.getConfigurationParameter(ENABLED)).as("fixture run by a test of this class")
                    .isPresent();
            Path directory = Path.of(context
                    .getConfigurationParameter(OpenWhiskResultsListener.RESULTS_DIRECTORY_KEY).orElseThrow());
            RunInfo run = new RunInfo("embedded", "http://127.0.0.1:3233", Map.of("java", "17"));
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(ResultsSink.class, key -> ResultsSink.open(directory, run),
                            ResultsSink.class);
        }
    }

    @ExtendWith(RecordingExtension.class)
    static class RecordingTestCases {

        @Test
        void measures(ResultsSink sink) {
            String test = RecordingTestCases.class.getName() + "#measures";
            sink.append(Rows.warmup(test, "sleep-python", 0));
            sink.append(Rows.cold(test, "sleep-python", 1, 40_000, 35_000, 30_000));
            sink.append(Rows.warm(test, "sleep-python", 2, 2_000, 1_500));
            sink.append(Rows.warm(test, "sleep-python", 3, 1_000, 1_000));
            sink.append(Rows.warm(test, "sleep-python", 4, 3_000, 2_000));
        }

        @Test
        void fails(ResultsSink sink) {
            sink.append(Rows.failed(RecordingTestCases.class.getName() + "#fails", "sleep-python", 5));
            throw new AssertionError("a failing test still has its invocations in the results");
        }
    }

    static class PlainTestCases {

        @Test
        void doesNotInvokeAnything() {
            assertThat(1 + 1).isEqualTo(2);
        }
    }
}
