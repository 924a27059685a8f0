package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class BenchmarkSizeTest {

    @Test
    void parsesTheNamesInAnyCase() {
        assertThat(BenchmarkSize.parse("test", "here")).isEqualTo(BenchmarkSize.TEST);
        assertThat(BenchmarkSize.parse(" Small ", "here")).isEqualTo(BenchmarkSize.SMALL);
        assertThat(BenchmarkSize.parse("LARGE", "here")).isEqualTo(BenchmarkSize.LARGE);
        assertThat(BenchmarkSize.LARGE).hasToString("large");
    }

    @Test
    void rejectsOtherNamesListingTheAllowedOnes() {
        assertThatThrownBy(() -> BenchmarkSize.parse("huge", "the command line"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("openwhisk.benchmark.size must be one of test, small, large, but the command line has"
                        + " 'huge'");
    }

    @Test
    void resolverInjectsTheConfiguredSizeAndTestIsTheDefault() {
        assertThat(sizeSeenBy(Map.of())).isEqualTo("test");
        assertThat(sizeSeenBy(Map.of(BenchmarkSize.CONFIGURATION_KEY, "large"))).isEqualTo("large");
    }

    @Test
    void resolverFailsTheTestOnAnUnknownSize() {
        EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .selectors(selectClass(SizeTestCases.class))
                .configurationParameter(BenchmarkSize.CONFIGURATION_KEY, "medium")
                .execute()
                .testEvents()
                .assertThatEvents().haveExactly(1, finishedWithFailure(
                        instanceOf(ParameterResolutionException.class),
                        message(text -> text.contains("openwhisk.benchmark.size must be one of test, small, large,"
                                + " but the JUnit configuration") && text.contains("'medium'"))));
    }

    private static String sizeSeenBy(Map<String, String> configuration) {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .selectors(selectClass(SizeTestCases.class))
                .configurationParameters(configuration)
                .execute();
        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        return results.testEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("size"))
                .findFirst()
                .orElseThrow();
    }

    @ExtendWith(BenchmarkSizeResolver.class)
    static class SizeTestCases {

        @Test
        void receivesTheSize(BenchmarkSize size, TestReporter reporter) {
            reporter.publishEntry("size", size.toString());
        }
    }
}
