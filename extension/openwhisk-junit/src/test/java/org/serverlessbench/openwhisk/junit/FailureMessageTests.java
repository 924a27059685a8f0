package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** A failed activation's test failure shows the end of its logs, so that an init error is visible where it failed. */
class FailureMessageTests {

    @OpenWhiskFunction(name = "broken", code = "src/test/functions/syntax-error-python")
    static class SyntaxErrorTestCases {

        @Test
        void library(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
        }

        @Test
        void http(HttpTrigger trigger) {
            trigger.invoke().assertSuccess();
        }

        @Test
        @ColdStart
        void cold(LibraryTrigger trigger) {
            Invocation invocation = trigger.invoke();
            assertThat(invocation.status()).isEqualTo(ActivationStatus.ACTION_DEVELOPER_ERROR);
            invocation.assertSuccess();
        }
    }

    @Test
    void assertSuccessShowsThePythonSyntaxErrorForEveryTrigger() {
        OpenWhiskTestKit.run(SyntaxErrorTestCases.class).results().testEvents().assertThatEvents()
                .haveExactly(3, event(test(), finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.contains("status was 'action developer error'")
                                && m.contains("last log lines of the activation")
                                && m.contains("SyntaxError")))));
    }
}
