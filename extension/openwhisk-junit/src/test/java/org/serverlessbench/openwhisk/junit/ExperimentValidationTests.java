package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Every invalid experiment attribute fails the class before anything is deployed, naming annotation and method. */
class ExperimentValidationTests {

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class InvalidExperimentsTestCases {

        @MemorySizes({})
        void noSizes() {
        }

        @MemorySizes({64, 256, 256})
        void badSizes() {
        }

        @Mode(value = InvocationMode.WARM, batch = 0)
        @ColdStart
        void badMode() {
        }

        @Mode({})
        @Warmup(2)
        void noModes() {
        }

        @Trials(0)
        void noTrials() {
        }

        @Samples(-1)
        void negativeSamples() {
        }

        @Samples(min = 10, max = 5, relativeCi = 1.5)
        void badAdaptive() {
        }

        @IdleTimes({"soon", "1s"})
        void badIdle() {
        }

        @IdleTimes(value = "1s", pairs = 0)
        @Samples(3)
        void idleWithSamples() {
        }

        @PayloadSizes(from = "1KB", to = "2XB", points = 3)
        void badPayloadUnit() {
        }

        @PayloadSizes(from = "1MB", to = "1KB", points = 3)
        void payloadBackwards() {
        }

        @PayloadSizes(from = "1B", to = "3B", points = 8)
        void tooManyPoints() {
        }

        @RepeatedTest(2)
        @Trials(2)
        void repeated() {
        }
    }

    @Test
    void everyInvalidExperimentAttributeIsReportedOnTheClass() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(InvalidExperimentsTestCases.class);

        String on = " on method " + InvalidExperimentsTestCases.class.getName() + "#";
        List<String> expected = List.of(
                "@MemorySizes([])" + on + "noSizes: attribute 'value' must list at least one size in MB",
                "@MemorySizes([64, 256, 256])" + on + "badSizes: attribute 'value' has 64 MB, but the target allows"
                        + " 128 to 2048 MB",
                "@MemorySizes([64, 256, 256])" + on + "badSizes: attribute 'value' lists 256 MB twice",
                "@Mode" + on + "badMode: attribute 'batch' is 0, but must be at least 1",
                "@Mode and @ColdStart" + on + "badMode: the mode decides cold starts",
                "@Mode" + on + "noModes: attribute 'value' must list at least one mode",
                "@Mode and @Warmup" + on + "noModes: the mode decides warm-ups",
                "@Trials(0)" + on + "noTrials: attribute 'value' must be at least 1",
                "@Samples" + on + "negativeSamples: attribute 'value' is -1, but must be at least 1",
                "@Samples" + on + "badAdaptive: attribute 'max' is 5, but must be at least 'min' (10)",
                "@Samples" + on + "badAdaptive: attribute 'relativeCi' is 1.5, but must be between 0 and 1",
                "@IdleTimes" + on + "badIdle: attribute 'value' is \"soon\", which is not a duration",
                "@IdleTimes" + on + "idleWithSamples: attribute 'pairs' is 0, but must be at least 1",
                "@IdleTimes and @Samples" + on + "idleWithSamples: an idle-time map's sample count is its attribute"
                        + " 'pairs'",
                "@PayloadSizes" + on + "badPayloadUnit: attribute 'to' is \"2XB\", which is not a size",
                "@PayloadSizes" + on + "payloadBackwards: attribute 'to' (\"1KB\") is smaller than 'from'"
                        + " (\"1MB\")",
                "@PayloadSizes" + on + "tooManyPoints: attribute 'points' is 8, more sizes than there are whole"
                        + " bytes",
                "@Trials and @RepeatedTest" + on + "repeated: an experiment is a test template of its own");
        run.results().containerEvents().assertThatEvents().haveExactly(1, event(
                container(InvalidExperimentsTestCases.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(m -> {
                    assertThat(m).contains(expected);
                    return true;
                }))));
        assertThat(run.results().testEvents().started().count()).isZero();
    }
}
