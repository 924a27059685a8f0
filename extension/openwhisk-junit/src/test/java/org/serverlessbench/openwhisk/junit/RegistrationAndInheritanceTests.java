package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code @OpenWhiskFunction} registers the extension by itself, and functions are inherited from superclasses, where
 * a subclass may replace one by name.
 */
class RegistrationAndInheritanceTests {

    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node", memory = 128)
    @OpenWhiskFunction(name = "other", code = "src/test/functions/echo-node", memory = 128)
    abstract static class BaseTestCases {

        @Test
        void inheritedTest(@FunctionName("echo") LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
        }
    }

    static class SubclassTestCases extends BaseTestCases {

        @Test
        void seesTheInheritedFunctions(@FunctionName("other") DeployedFunction other,
                @FunctionName("echo") DeployedFunction echo) {
            assertThat(other.action().limits().memory()).isEqualTo(128);
            assertThat(echo.action().limits().memory()).isEqualTo(128);
        }
    }

    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node", memory = 256)
    static class RedefiningTestCases extends BaseTestCases {

        @Test
        void theSubclassFunctionWins(@FunctionName("echo") DeployedFunction echo,
                @FunctionName("other") DeployedFunction other) {
            assertThat(echo.action().limits().memory()).isEqualTo(256);
            assertThat(other.action().limits().memory()).isEqualTo(128);
        }
    }

    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class WithoutOpenWhiskTestTestCases {

        @Test
        void invokes(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
        }
    }

    static class MethodFunctionOnlyTestCases {

        @Test
        @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
        void invokes(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
        }
    }

    @Test
    void aSubclassRunsTheFunctionsOfItsAbstractBase() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(SubclassTestCases.class).assertAllSucceeded();

        assertThat(run.results().testEvents().succeeded().count()).isEqualTo(2);
    }

    @Test
    void aSubclassReplacesAnInheritedFunctionOfTheSameName() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(RedefiningTestCases.class).assertAllSucceeded();

        assertThat(run.results().testEvents().succeeded().count()).isEqualTo(2);
    }

    @Test
    void openWhiskFunctionAloneRegistersTheExtension() {
        OpenWhiskTestKit.run(WithoutOpenWhiskTestTestCases.class).assertAllSucceeded();
    }

    @Test
    void aMethodsOpenWhiskFunctionAloneRegistersTheExtension() {
        OpenWhiskTestKit.run(MethodFunctionOnlyTestCases.class).assertAllSucceeded();
    }
}
