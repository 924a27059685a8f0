package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** {@code @ParameterizedTest} over functions: one test invocation per function, cold and warm per function. */
class FunctionSourceTests {

    @OpenWhiskFunction(name = "node", code = "src/test/functions/echo-node")
    @OpenWhiskFunction(name = "python", code = "src/test/functions/sebs-python")
    static class PerFunctionTestCases {

        @ParameterizedTest
        @FunctionSource({"node", "python"})
        @ColdStart
        void cold(LibraryTrigger trigger) {
            trigger.invoke(Map.of("sleep", 0.001)).assertSuccess().assertCold();
        }

        @ParameterizedTest
        @FunctionSource(value = {"node", "python"}, repetitions = 3)
        @Warmup(1)
        void warm(HttpTrigger trigger) {
            trigger.invoke(Map.of("sleep", 0.001)).assertSuccess().assertWarm();
        }

        @ParameterizedTest
        @FunctionSource
        void everyFunctionInScope(DeployedFunction function) {
            assertThat(function.actionName()).endsWith(function.name());
            assertThat(function.action().name()).isEqualTo(function.actionName());
        }
    }

    @Test
    void eachFunctionGetsItsOwnColdAndWarmInvocations() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(PerFunctionTestCases.class).assertAllSucceeded();

        assertThat(run.results().testEvents().succeeded().count()).isEqualTo(2 + 6 + 2);
        assertThat(run.results().testEvents().started().list()).extracting(event -> event.getTestDescriptor()
                .getDisplayName()).contains("[1] trigger=node", "[2] trigger=python", "[2] trigger=node (2 of 3)",
                        "[6] trigger=python (3 of 3)", "[2] function=python");
        List<JsonNode> cold = Rows.ofTest(run, PerFunctionTestCases.class, "cold");
        assertThat(cold).extracting(row -> row.get("function").asText()).containsExactlyInAnyOrder("node", "python");
        assertThat(cold).allSatisfy(row -> assertThat(row.get("cold").asBoolean()).isTrue());
        List<JsonNode> warm = Rows.ofTest(run, PerFunctionTestCases.class, "warm");
        for (String function : List.of("node", "python")) {
            assertThat(warm).filteredOn(row -> row.get("function").asText().equals(function))
                    .filteredOn(row -> row.get("warmup").asBoolean()).as("warm-ups of %s", function).hasSize(1);
            assertThat(warm).filteredOn(row -> row.get("function").asText().equals(function))
                    .filteredOn(row -> !row.get("warmup").asBoolean()).hasSize(3)
                    .allSatisfy(row -> assertThat(row.get("trigger").asText()).isEqualTo("http"));
        }
        assertThat(run.reportEntries()).filteredOn(entries -> entries.containsKey(ReportKeys.FUNCTION)).hasSize(8);
    }
}
