package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** What an Invocation carries: failures as data, SeBS-style fields, logs on demand. */
class InvocationTests {

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    @OpenWhiskFunction(name = "sebs", code = "src/test/functions/sebs-python")
    static class InvocationTestCases {

        @Test
        void failedActivationIsReturned(@FunctionName("echo") LibraryTrigger trigger) {
            Invocation invocation = trigger.invoke(Map.of("fail", "boom"));

            assertThat(invocation.success()).isFalse();
            assertThat(invocation.status()).isEqualTo(ActivationStatus.APPLICATION_ERROR);
            assertThat(invocation.result()).asString().contains("asked to fail: boom");
            assertThatThrownBy(invocation::assertSuccess).isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("status was 'application error'")
                    .hasMessageContaining(invocation.activationId());
        }

        @Test
        void failedWebActivationIsReturned(@FunctionName("echo") HttpTrigger trigger) {
            Invocation invocation = trigger.invoke(Map.of("fail", "boom"));

            assertThat(invocation.success()).isFalse();
            assertThat(invocation.status()).isEqualTo(ActivationStatus.APPLICATION_ERROR);
        }

        record Echoed(Map<String, Object> echo, long pid) {
        }

        @Test
        void resultConvertsToATypeOrAMap(@FunctionName("echo") HttpTrigger trigger) {
            Invocation invocation = trigger.invoke(Map.of("a", 1)).assertSuccess();

            assertThat(invocation.status()).isEqualTo(ActivationStatus.SUCCESS);
            assertThat(invocation.resultMap()).containsKeys("echo", "pid");
            assertThat(invocation.result(Echoed.class).echo()).containsEntry("a", 1);
            assertThat(invocation.result(Echoed.class).pid()).isPositive();
            assertThatThrownBy(() -> invocation.result(Integer.class)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(invocation.activationId()).hasMessageContaining("java.lang.Integer");
        }

        @Test
        void logsAreFetchedOnDemand(@FunctionName("echo") HttpTrigger trigger) {
            Invocation invocation = trigger.invoke(Map.of("a", 1)).assertSuccess();

            assertThat(invocation.logs()).anySatisfy(line -> assertThat(line).contains("echo called with"));
        }

        @Test
        void sebsFieldsGiveBenchmarkTimeAndColdness(@FunctionName("sebs") LibraryTrigger trigger) {
            Invocation first = trigger.invoke(Map.of("sleep", 0.05)).assertSuccess();
            Invocation second = trigger.invoke(Map.of("sleep", 0.05)).assertSuccess();

            assertThat(first.cold()).isTrue();
            assertThat(second.cold()).isFalse();
            assertThat(first.benchmarkTimeUs().orElseThrow()).isBetween(50_000L, 5_000_000L);
            assertThat(second.clientTimeUs()).isGreaterThanOrEqualTo(second.benchmarkTimeUs().orElseThrow());
            assertThat(second.clientBegin()).isAfter(first.clientBegin());
        }
    }

    @Test
    void invocationsCarryTheirData() {
        OpenWhiskTestKit.run(InvocationTestCases.class).assertAllSucceeded();
    }
}
