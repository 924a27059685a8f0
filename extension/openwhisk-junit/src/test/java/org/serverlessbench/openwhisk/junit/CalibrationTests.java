package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's self-calibration on the embedded OpenWhisk, and the summary in declaration order although JUnit runs the
 * methods in another.
 */
class CalibrationTests {

    @TempDir
    Path results;

    @OpenWhiskTest
    @TestMethodOrder(MethodOrderer.MethodName.class)
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class DeclaredBackwardsTestCases {

        @Test
        void b_declaredFirst(LibraryTrigger trigger) {
            trigger.invoke(Map.of("n", 1)).assertSuccess();
        }

        @Test
        void a_declaredSecond(LibraryTrigger trigger) {
            trigger.invoke(Map.of("n", 2)).assertSuccess();
        }
    }

    @Test
    void recordsTheFloorOnceAndListsTheSummaryInDeclarationOrder() throws Exception {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(DeclaredBackwardsTestCases.class, Map.of(
                ConfigurationKeys.CALIBRATION, "true", ConfigurationKeys.CALIBRATION_CALLS, "5"), results);

        run.assertAllSucceeded();
        String prefix = DeclaredBackwardsTestCases.class.getName() + "#";
        assertThat(run.rows()).extracting(row -> row.get("test").asText())
                .as("JUnit ran them by name").containsExactly(prefix + "a_declaredSecond", prefix + "b_declaredFirst");
        JsonNode json = new ObjectMapper().readTree(results.resolve("latest/results.json").toFile());
        List<String> summary = json.get("summary").findValuesAsText("test");
        assertThat(summary).containsExactly(prefix + "b_declaredFirst", prefix + "a_declaredSecond");
        JsonNode calibration = json.get("run").get("calibration");
        assertThat(calibration.get("n").asInt()).isEqualTo(5);
        assertThat(calibration.get("noOpActionP50Us").asLong()).as("%s", calibration).isPositive();
        assertThat(calibration.get("httpEchoP50Us").asLong()).as("%s", calibration).isPositive();
        assertThat(calibration.get("method").asText()).contains("no-op action").contains("127.0.0.1");
        assertThat(run.rows()).as("the calibration's invocations are not rows").hasSize(2);
    }

    @Test
    void aWrongCallCountFailsTheRunNamingTheKey() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(DeclaredBackwardsTestCases.class, Map.of(
                ConfigurationKeys.CALIBRATION, "true", ConfigurationKeys.CALIBRATION_CALLS, "0"), results);

        run.results().containerEvents().assertThatEvents().haveAtLeastOne(finishedWithFailure(message(text ->
                text.contains("openwhisk.calibration.calls") && text.contains("\"0\"")
                        && text.contains("1 to 10000"))));
    }
}
