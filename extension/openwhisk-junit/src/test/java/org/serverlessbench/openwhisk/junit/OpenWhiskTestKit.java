package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * Runs fixture classes ({@code *TestCases}, static nested classes that Surefire does not run by itself) on the
 * Jupiter engine with explicit configuration only, and reads the invocation rows the run wrote to results.json.
 */
final class OpenWhiskTestKit {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OpenWhiskTestKit() {
    }

    /**
     * The outcome of one engine run, the invocation rows of its {@code results.json} (none without it) and the folder
     * the results went to.
     */
    record Run(EngineExecutionResults results, List<JsonNode> rows, Path resultsDirectory) {

        /** The report entries published by the tests, in order. */
        List<Map<String, String>> reportEntries() {
            List<Map<String, String>> entries = new ArrayList<>();
            results.allEvents().reportingEntryPublished().stream()
                    .map(event -> event.getPayload(org.junit.platform.engine.reporting.ReportEntry.class)
                            .orElseThrow().getKeyValuePairs())
                    .forEach(entries::add);
            return entries;
        }

        /** Fails with the fixtures' own failure messages unless every container and test succeeded. */
        Run assertAllSucceeded() {
            List<String> failures = new ArrayList<>();
            for (Event event : results.allEvents().list()) {
                if (event.getType() == EventType.FINISHED) {
                    TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        failures.add(event.getTestDescriptor().getDisplayName() + ": " + result.getThrowable()
                                .map(Throwable::toString).orElse(result.getStatus().toString()));
                    }
                }
            }
            assertThat(failures).as("failed tests and containers").isEmpty();
            assertThat(results.testEvents().started().count()).as("tests started").isPositive();
            return this;
        }
    }

    /**
     * Runs {@code testClass} on the embedded OpenWhisk with {@code parameters} on top of the test defaults, with a
     * results directory of its own that is deleted again after its rows are read.
     */
    static Run run(Class<?> testClass, Map<String, String> parameters) {
        Path resultsDirectory;
        try {
            resultsDirectory = Files.createTempDirectory("openwhisk-junit-results");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return run(testClass, parameters, resultsDirectory);
        } finally {
            TempFiles.deleteRecursively(resultsDirectory);
        }
    }

    static Run run(Class<?> testClass) {
        return run(testClass, Map.of());
    }

    /** Runs {@code testClass} like {@link #run(Class, Map)}, writing its results to {@code resultsDirectory}. */
    static Run run(Class<?> testClass, Map<String, String> parameters, Path resultsDirectory) {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put(ConfigurationKeys.RESULTS_DIR, resultsDirectory.toString());
        // the self-calibration costs every run a deployment and 80 calls; CalibrationTests and the browser test
        // switch it on
        configuration.put(ConfigurationKeys.CALIBRATION, "false");
        configuration.putAll(parameters);
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(configuration)
                .selectors(selectClass(testClass))
                .execute();
        return new Run(results, rows(resultsDirectory.resolve("latest").resolve("results.json")), resultsDirectory);
    }

    private static List<JsonNode> rows(Path resultsJson) {
        if (!Files.exists(resultsJson)) {
            return List.of();
        }
        try {
            List<JsonNode> rows = new ArrayList<>();
            MAPPER.readTree(resultsJson.toFile()).get("invocations").forEach(rows::add);
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resultsJson, e);
        }
    }
}
