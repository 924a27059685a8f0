package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The sink in the root Store of a Jupiter run, as the extension keeps it: Jupiter closes it at the end of the run,
 * which writes the results, through either close interface.
 */
class ResultsSinkInStoreTest {

    private static final String AUTO_CLOSE = "junit.jupiter.extensions.store.close.autocloseable.enabled";

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path results;

    @Test
    void theEndOfTheRunWritesTheFilesAndNothingElse() throws IOException {
        EngineExecutionResults run = execute(PassingTestCases.class, Map.of());

        run.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(listing(results.resolve("latest"))).containsExactlyInAnyOrder("results.json", "results.csv",
                "report.html", "sebs");
        assertThat(tests(results)).containsExactly(PassingTestCases.class.getName() + "#first",
                PassingTestCases.class.getName() + "#second");
    }

    @Test
    void aRunWithAFailingTestWritesItsInvocationsToo() throws IOException {
        EngineExecutionResults run = execute(FailingTestCases.class, Map.of());

        run.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(listing(results.resolve("latest"))).contains("results.json", "results.csv");
        assertThat(tests(results)).containsExactly(FailingTestCases.class.getName() + "#fails");
    }

    @Test
    void isClosedAlsoWhenJupiterDoesNotCloseAutoCloseables() throws IOException {
        EngineExecutionResults run = execute(PassingTestCases.class, Map.of(AUTO_CLOSE, "false"));

        run.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(tests(results)).hasSize(2);
    }

    @Test
    void filesThatCannotBeWrittenFailTheRunAndSayWhere() {
        Path blocked = results.resolve("blocked");
        EngineExecutionResults run = execute(BlockingTestCases.class, Map.of(SinkExtension.DIRECTORY,
                blocked.toString()));

        run.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(run.containerEvents().failed().list()).singleElement().satisfies(event -> {
            Throwable failure = event.getRequiredPayload(TestExecutionResult.class)
                    .getThrowable().orElseThrow();
            assertThat(failure).hasStackTraceContaining("Cannot write the results of this run to " + blocked
                    + " (configured by openwhisk.results.dir)");
        });
    }

    private EngineExecutionResults execute(Class<?> testCases, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameter(SinkExtension.DIRECTORY, results.toString())
                .configurationParameters(parameters)
                .selectors(selectClass(testCases))
                .execute();
    }

    private List<String> tests(Path folder) throws IOException {
        JsonNode json = mapper.readTree(folder.resolve("latest/results.json").toFile());
        return json.findValuesAsText("test").stream().distinct().toList();
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    /** Keeps one sink per engine run in the root Store, as the OpenWhisk extension's recorders do. */
    static class SinkExtension implements ParameterResolver {

        static final String DIRECTORY = "report.fixtures.directory";
        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(SinkExtension.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == ResultsSink.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            Path directory = Path.of(context.getConfigurationParameter(DIRECTORY)
                    .orElseThrow(() -> new IllegalStateException("run by ResultsSinkInStoreTest only")));
            RunInfo run = new RunInfo("embedded", "http://127.0.0.1:3233", Map.of());
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ResultsSink.class,
                    key -> ResultsSink.open(directory, run), ResultsSink.class);
        }
    }

    @ExtendWith(SinkExtension.class)
    static class PassingTestCases {

        @Test
        void first(ResultsSink sink) {
            sink.append(Rows.warm(PassingTestCases.class.getName() + "#first", "f", 1, 2_000, 1_000));
        }

        @Test
        void second(ResultsSink sink) {
            sink.append(Rows.warm(PassingTestCases.class.getName() + "#second", "f", 2, 2_000, 1_000));
        }
    }

    @ExtendWith(SinkExtension.class)
    static class BlockingTestCases {

        @Test
        void replacesTheResultsFolderWithAFile(ResultsSink sink) throws IOException {
            sink.append(Rows.warm(BlockingTestCases.class.getName() + "#blocks", "f", 1, 2_000, 1_000));
            RunHistory.deleteTree(sink.directory());
            Files.writeString(sink.directory(), "a file where the results folder was");
        }
    }

    @ExtendWith(SinkExtension.class)
    static class FailingTestCases {

        @Test
        void fails(ResultsSink sink) {
            sink.append(Rows.failed(FailingTestCases.class.getName() + "#fails", "f", 1));
            throw new AssertionError("a failing test still has its invocations in the results");
        }
    }
}
