package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EventConditions;

/** Invalid annotations and configuration fail the class before anything is deployed; an absent target skips it. */
class ValidationTests {

    @RegisterExtension
    static final SharedOpenWhisk shared = new SharedOpenWhisk();

    @OpenWhiskTest
    @OpenWhiskFunction(name = "good", code = "src/test/functions/echo-node")
    @OpenWhiskFunction(name = "big", code = "src/test/functions/echo-node", memory = 4096)
    static class InvalidAnnotationsTestCases {

        @Test
        @OpenWhiskFunction(name = "nowhere", code = "src/test/functions/nowhere", parameters = "novalue")
        void test() {
        }

        @Test
        @ColdStart
        @Warmup(0)
        void conflicting() {
        }
    }

    @OpenWhiskTest
    @OpenWhiskFunction(name = "good", code = "src/test/functions/echo-node")
    static class ValidTestCases {

        @Test
        void test() {
        }
    }

    @OpenWhiskTest(disabledWithoutOpenWhisk = true)
    @OpenWhiskFunction(name = "good", code = "src/test/functions/echo-node")
    static class OptionalOpenWhiskTestCases {

        @Test
        void test() {
        }
    }

    @Test
    void everyInvalidAttributeIsReportedOnTheClassAndNothingIsDeployed() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(InvalidAnnotationsTestCases.class,
                shared.remoteTarget("owj-invalid-"));

        String type = InvalidAnnotationsTestCases.class.getName();
        run.results().containerEvents().assertThatEvents().haveExactly(1, event(
                container(InvalidAnnotationsTestCases.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(m ->
                        m.startsWith("Invalid OpenWhisk annotations in " + type + " (nothing was deployed):")
                        && m.contains("@OpenWhiskFunction(name = \"big\") on class " + type + ": attribute 'memory'"
                                + " is 4096 MB, but the target allows")
                        && m.contains("@OpenWhiskFunction(name = \"nowhere\") on method " + type + "#test:"
                                + " attribute 'parameters' has the entry \"novalue\"")
                        && m.contains("@OpenWhiskFunction(name = \"nowhere\") on method " + type + "#test:"
                                + " attribute 'code' is \"src/test/functions/nowhere\"")
                        && m.contains("@Warmup(0) on method " + type + "#conflicting: attribute 'value' must be"
                                + " at least 1")
                        && m.contains("@ColdStart and @Warmup on method " + type + "#conflicting")
                        && !m.contains("\"good\"")))));
        assertThat(run.results().testEvents().started().count()).isZero();
        assertThat(shared.actionsStartingWith("owj-invalid-")).isEmpty();
    }

    @Test
    void anUnknownConfigurationValueFailsTheClass() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(ValidTestCases.class,
                Map.of(ConfigurationKeys.CLEANUP, "sometimes"));

        run.results().containerEvents().assertThatEvents().haveExactly(1, event(container(ValidTestCases.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(
                        "Configuration parameter openwhisk.cleanup is \"sometimes\", but must be one of: always,"
                                + " on-success, never (default always)"))));
    }

    @Test
    void anUnreachableRemoteTargetSkipsTheClassWhenAskedTo() throws Exception {
        Map<String, String> unreachable = Map.of(ConfigurationKeys.TARGET, "remote",
                ConfigurationKeys.API_HOST, "http://127.0.0.1:" + freePort(),
                ConfigurationKeys.AUTH, shared.remoteTarget("x").get(ConfigurationKeys.AUTH));

        OpenWhiskTestKit.Run skipped = OpenWhiskTestKit.run(OptionalOpenWhiskTestCases.class, unreachable);
        OpenWhiskTestKit.Run failed = OpenWhiskTestKit.run(ValidTestCases.class, unreachable);

        skipped.results().containerEvents().assertThatEvents().haveExactly(1, event(
                container(OptionalOpenWhiskTestCases.class),
                EventConditions.skippedWithReason(reason -> reason.startsWith(
                        "disabledWithoutOpenWhisk is true and OpenWhisk at") && reason.contains("not reachable"))));
        failed.results().containerEvents().assertThatEvents().haveExactly(1, event(container(ValidTestCases.class),
                finishedWithFailure(message(m -> m.contains("Cannot read the limits of OpenWhisk at")
                        && m.contains("openwhisk.target=remote") && m.contains("docs/troubleshooting.md")))));
    }

    @Test
    void aReachableRemoteTargetRunsTheClass() {
        OpenWhiskTestKit.run(OptionalOpenWhiskTestCases.class, shared.remoteTarget("owj-optional-"))
                .assertAllSucceeded();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
