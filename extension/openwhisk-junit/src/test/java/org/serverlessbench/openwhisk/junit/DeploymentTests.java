package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.serverlessbench.openwhisk.client.Action;
import org.serverlessbench.openwhisk.junit.testfunctions.JavaEcho;

/** Deployment before the class or method, the hash check that skips redeploying, and cleanup in every mode. */
class DeploymentTests {

    @RegisterExtension
    static final SharedOpenWhisk shared = new SharedOpenWhisk();

    @OpenWhiskTest
    @OpenWhiskFunction(name = "node", code = "src/test/functions/echo-node", memory = 128, concurrency = 4)
    @OpenWhiskFunction(name = "python", code = "src/test/functions/sebs-python", timeout = 10_000)
    @OpenWhiskFunction(name = "java", mainClass = JavaEcho.class, parameters = "greeting=\"hi\"")
    static class ThreeLanguagesTestCases {

        @Test
        void everyFunctionIsDeployedBeforeTheTests(@FunctionName("node") DeployedFunction node,
                @FunctionName("python") DeployedFunction python, @FunctionName("java") DeployedFunction java) {
            Action nodeAction = node.action();
            assertThat(nodeAction.limits().memory()).isEqualTo(128);
            assertThat(nodeAction.limits().concurrency()).isEqualTo(4);
            assertThat(python.action().limits().concurrency()).isEqualTo(1);
            assertThat(nodeAction.annotation("web-export")).contains(true);
            assertThat(nodeAction.annotation("openwhisk-junit.hash")).isPresent();
            assertThat(python.action().limits().timeout()).isEqualTo(10_000);
            assertThat(java.action().exec().main()).isEqualTo(JavaEcho.class.getName());
            assertThat(java.action().parameter("greeting")).contains("hi");
        }

        @Test
        void everyFunctionRuns(@FunctionName("node") LibraryTrigger node, @FunctionName("python") LibraryTrigger python,
                @FunctionName("java") LibraryTrigger java) {
            assertThat(node.invoke(Map.of("n", 1)).assertSuccess().result()).asString().contains("n=1");
            assertThat(python.invoke().assertSuccess().result()).asString().contains("slept");
            assertThat(java.invoke(Map.of("n", 2)).assertSuccess().result()).asString()
                    .contains("hello from a subpackage", "greeting=hi", "n=2");
        }
    }

    @OpenWhiskTest
    @OpenWhiskFunction(name = "node", code = "src/test/functions/echo-node")
    static class FailingTestCases {

        @Test
        void fails(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
            fail("failing on purpose");
        }
    }

    @OpenWhiskTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class MethodFunctionTestCases {

        private static volatile String localAction;

        @Test
        @Order(1)
        @OpenWhiskFunction(name = "local", code = "src/test/functions/echo-node")
        void hasItsOwnFunction(DeployedFunction local, LibraryTrigger trigger) {
            assertThat(local.actionName()).endsWith("-local");
            assertThat(shared.client().findAction(local.actionName())).isPresent();
            trigger.invoke().assertSuccess();
            localAction = local.actionName();
        }

        @Test
        @Order(2)
        void laterTestsDoNotSeeIt() {
            assertThat(localAction).isNotNull();
            assertThat(shared.client().findAction(localAction)).isEmpty();
        }
    }

    @Test
    void deploysEveryLanguageAndDeletesTheActionsAfterTheClass() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(ThreeLanguagesTestCases.class,
                shared.remoteTarget("owj-three-")).assertAllSucceeded();

        assertThat(run.results().testEvents().succeeded().count()).isEqualTo(2);
        assertThat(shared.actionsStartingWith("owj-three-")).isEmpty();
    }

    @Test
    void deletesTheActionsAlsoAfterAFailingTest() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(FailingTestCases.class, shared.remoteTarget("owj-fail-"));

        run.results().testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(shared.actionsStartingWith("owj-fail-")).isEmpty();
    }

    @Test
    void onSuccessKeepsTheActionsOfAFailedClass() {
        Map<String, String> configuration = new HashMap<>(shared.remoteTarget("owj-keep-"));
        configuration.put(ConfigurationKeys.CLEANUP, "on-success");

        OpenWhiskTestKit.run(FailingTestCases.class, configuration);

        assertThat(shared.actionsStartingWith("owj-keep-")).containsExactly("owj-keep-node");
        shared.client().deleteAction("owj-keep-node");
    }

    @Test
    void onSuccessDeletesTheActionsOfAPassingClass() {
        Map<String, String> configuration = new HashMap<>(shared.remoteTarget("owj-pass-"));
        configuration.put(ConfigurationKeys.CLEANUP, "on-success");

        OpenWhiskTestKit.run(MethodFunctionTestCases.class, configuration).assertAllSucceeded();

        assertThat(shared.actionsStartingWith("owj-pass-")).isEmpty();
    }

    @Test
    void aMethodsFunctionLivesOnlyForThatMethod() {
        OpenWhiskTestKit.run(MethodFunctionTestCases.class, shared.remoteTarget("owj-method-")).assertAllSucceeded();

        assertThat(shared.actionsStartingWith("owj-method-")).isEmpty();
    }

    @Test
    void neverKeepsTheActionsAndARerunDoesNotRedeployThem() {
        Map<String, String> configuration = new HashMap<>(shared.remoteTarget("owj-rerun-"));
        configuration.put(ConfigurationKeys.CLEANUP, "never");

        OpenWhiskTestKit.run(FailingTestCases.class, configuration);
        Action first = shared.client().getAction("owj-rerun-node", false);
        OpenWhiskTestKit.run(FailingTestCases.class, configuration);
        Action second = shared.client().getAction("owj-rerun-node", false);

        assertThat(second.version()).isEqualTo(first.version());
        assertThat(second.updated()).isEqualTo(first.updated());
        shared.client().deleteAction("owj-rerun-node");
    }
}
