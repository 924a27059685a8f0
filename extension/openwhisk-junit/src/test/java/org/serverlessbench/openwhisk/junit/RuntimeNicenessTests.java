package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code openwhisk.embedded.runtimeNiceness}: the embedded target's runtime processes at a lower CPU priority. */
class RuntimeNicenessTests {

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class NicenessTestCases {

        @Test
        void runtimeRunsAtNine(LibraryTrigger trigger) throws IOException {
            long pid = ((Number) trigger.invoke().assertSuccess().resultMap().get("pid")).longValue();

            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // field 19 of stat, counted from the state as field 3
            assertThat(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]).isEqualTo("9");
        }
    }

    @Test
    void theEmbeddedTargetStartsRuntimesAtTheConfiguredNiceness() {
        OpenWhiskTestKit.run(NicenessTestCases.class, Map.of(ConfigurationKeys.EMBEDDED_RUNTIME_NICENESS, "9"))
                .assertAllSucceeded();
    }

    @Test
    void aNicenessOutsideZeroToNineteenFailsTheClass() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(NicenessTestCases.class,
                Map.of(ConfigurationKeys.EMBEDDED_RUNTIME_NICENESS, "-5"));

        assertThat(run.results().allEvents().list()).map(ExperimentTests::failureMessage)
                .anySatisfy(message -> assertThat(message).isEqualTo("Configuration parameter"
                        + " openwhisk.embedded.runtimeNiceness is \"-5\", but must be a whole number from 0 (the"
                        + " JVM's CPU priority, the default) to 19 (the lowest)"));
        assertThat(run.results().testEvents().started().count()).isZero();
    }
}
