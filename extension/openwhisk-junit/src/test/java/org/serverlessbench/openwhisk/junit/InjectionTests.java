package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** Injection of triggers and function handles, and the errors of a missing or ambiguous choice. */
class InjectionTests {

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class OneFunctionTestCases {

        @Test
        void libraryTrigger(LibraryTrigger trigger) {
            Invocation invocation = trigger.invoke(Map.of("size", "small")).assertSuccess();

            assertThat(trigger.type()).isEqualTo(TriggerType.LIBRARY);
            assertThat(trigger.function()).isEqualTo("echo");
            assertThat(invocation.trigger()).isEqualTo(TriggerType.LIBRARY);
            assertThat(invocation.activationId()).hasSize(32);
            assertThat(invocation.result()).asString().contains("size=small");
            assertThat(invocation.providerExecutionUs()).isPresent();
            assertThat(invocation.memoryMb()).hasValue(256);
        }

        @Test
        void httpTrigger(HttpTrigger trigger) {
            Invocation invocation = trigger.invoke(Map.of("size", "large")).assertSuccess();

            assertThat(trigger.type()).isEqualTo(TriggerType.HTTP);
            assertThat(invocation.trigger()).isEqualTo(TriggerType.HTTP);
            assertThat(invocation.result()).asString().contains("size=large", "__ow_method=post");
            assertThat(invocation.activation()).hasValueSatisfying(record ->
                    assertThat(record.activationId()).isEqualTo(invocation.activationId()));
            assertThat(invocation.providerExecutionUs()).isPresent();
            assertThat(invocation.status()).isEqualTo(ActivationStatus.SUCCESS);
        }

        @Test
        void plainTrigger(Trigger trigger) {
            assertThat(trigger.invoke().assertSuccess().trigger()).isEqualTo(trigger.type());
        }

        @Test
        @OpenWhiskFunction(name = "sweep", code = "src/test/functions/echo-node")
        void functionHandle(@FunctionName("sweep") DeployedFunction function,
                @FunctionName("sweep") LibraryTrigger trigger) {
            assertThat(function.name()).isEqualTo("sweep");
            assertThat(function.actionName()).matches("owj-[0-9a-f]{6}-sweep");

            function.update(FunctionUpdate.newBuilder().memory(128).parameter("bound", 7).build());

            assertThat(function.action().limits().memory()).isEqualTo(128);
            Invocation invocation = trigger.invoke().assertSuccess();
            assertThat(invocation.result()).asString().contains("bound=7");
            assertThat(invocation.memoryMb()).hasValue(128);
        }
    }

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class PlainTriggerTestCases {

        @Test
        void plainTrigger(Trigger trigger) {
            assertThat(trigger.type()).isEqualTo(TriggerType.HTTP);
            assertThat(trigger.invoke().assertSuccess().trigger()).isEqualTo(TriggerType.HTTP);
        }
    }

    @OpenWhiskTest
    @OpenWhiskFunction(name = "first", code = "src/test/functions/echo-node")
    @OpenWhiskFunction(name = "second", code = "src/test/functions/echo-node", web = false)
    static class TwoFunctionsTestCases {

        @Test
        void selected(@FunctionName("first") LibraryTrigger first, @FunctionName("second") LibraryTrigger second) {
            assertThat(first.function()).isEqualTo("first");
            assertThat(second.function()).isEqualTo("second");
        }

        @Test
        void ambiguous(LibraryTrigger trigger) {
        }

        @Test
        void unknown(@FunctionName("third") LibraryTrigger trigger) {
        }

        @Test
        void notWeb(@FunctionName("second") HttpTrigger trigger) {
        }
    }

    @OpenWhiskTest
    static class NoFunctionTestCases {

        @Test
        void none(DeployedFunction function) {
        }
    }

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class ConstructorTestCases {

        ConstructorTestCases(LibraryTrigger trigger) {
        }

        @Test
        void test() {
        }
    }

    @Test
    void injectsEveryParameterType() {
        OpenWhiskTestKit.run(OneFunctionTestCases.class).assertAllSucceeded();
    }

    @Test
    void plainTriggerFollowsConfiguration() {
        OpenWhiskTestKit.run(PlainTriggerTestCases.class, Map.of(ConfigurationKeys.TRIGGER, "http"))
                .assertAllSucceeded();
    }

    @Test
    void functionIsSelectedByName() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(TwoFunctionsTestCases.class);

        run.results().testEvents().assertThatEvents()
                .haveExactly(1, event(test("selected"), org.junit.platform.testkit.engine.EventConditions
                        .finishedSuccessfully()))
                .haveExactly(1, event(test("ambiguous"), finishedWithFailure(
                        instanceOf(ParameterResolutionException.class),
                        message("Parameter [LibraryTrigger trigger] in method [" + TwoFunctionsTestCases.class
                                .getName() + "#ambiguous] is ambiguous: functions [first, second] are deployed;"
                                + " select one with @FunctionName(\"<name>\")"))))
                .haveExactly(1, event(test("unknown"), finishedWithFailure(
                        instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("asks for @FunctionName(\"third\")")
                                && m.contains("available: [first, second]")))))
                .haveExactly(1, event(test("notWeb"), finishedWithFailure(
                        instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("function 'second' is declared with web = false")))));
    }

    @Test
    void missingFunctionIsAClearError() {
        OpenWhiskTestKit.run(NoFunctionTestCases.class).results().testEvents().assertThatEvents()
                .haveExactly(1, event(test("none"), finishedWithFailure(
                        instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("Parameter [DeployedFunction function]")
                                && m.contains("no @OpenWhiskFunction is in scope")
                                && m.contains("Declare one on the class or the method")))));
    }

    @Test
    void constructorInjectionIsRefused() {
        OpenWhiskTestKit.run(ConstructorTestCases.class).results().testEvents().assertThatEvents()
                .haveExactly(1, event(test("test"), finishedWithFailure(
                        instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("in constructor of")
                                && m.contains("can only be injected into test and lifecycle methods")))));
    }
}
