package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Report entries after each test and one results row per invocation. */
class ReportingTests {

    @OpenWhiskTest
    @TestMethodOrder(MethodOrderer.MethodName.class)
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    @OpenWhiskFunction(name = "other", code = "src/test/functions/echo-node")
    static class ReportTestCases {

        @Test
        void a_once(@FunctionName("echo") LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
        }

        @Test
        void b_severalOfTwoFunctions(@FunctionName("echo") LibraryTrigger echo,
                @FunctionName("other") HttpTrigger other) {
            for (int i = 0; i < 3; i++) {
                echo.invoke(Map.of("i", i)).assertSuccess();
            }
            other.invoke().assertSuccess();
        }

        @Test
        void c_none() {
        }
    }

    @Test
    void keysAreStable() {
        assertThat(List.of(ReportKeys.FUNCTION, ReportKeys.ACTIVATION_ID, ReportKeys.COLD, ReportKeys.STATUS,
                ReportKeys.CLIENT_TIME_US, ReportKeys.PROVIDER_EXECUTION_US, ReportKeys.PROVIDER_INIT_US,
                ReportKeys.PROVIDER_WAIT_US, ReportKeys.COUNT, ReportKeys.COLD_COUNT, ReportKeys.FAILED_COUNT))
                .containsExactly("openwhisk.function", "openwhisk.activationId", "openwhisk.cold",
                        "openwhisk.status", "openwhisk.clientTimeUs", "openwhisk.providerExecutionUs",
                        "openwhisk.providerInitUs", "openwhisk.providerWaitUs", "openwhisk.count",
                        "openwhisk.coldCount", "openwhisk.failedCount");
        assertThat(List.of(ReportKeys.P50, ReportKeys.P95, ReportKeys.MAX)).containsExactly(".p50", ".p95", ".max");
    }

    @Test
    void publishesEntriesPerTestAndARowPerInvocation() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(ReportTestCases.class).assertAllSucceeded();

        List<Map<String, String>> entries = run.reportEntries();
        assertThat(entries).hasSize(2);
        Map<String, String> once = entries.get(0);
        assertThat(once.keySet()).containsExactly("openwhisk.function", "openwhisk.activationId", "openwhisk.cold",
                "openwhisk.status", "openwhisk.clientTimeUs", "openwhisk.providerExecutionUs",
                "openwhisk.providerInitUs", "openwhisk.providerWaitUs");
        assertThat(once).containsEntry("openwhisk.function", "echo").containsEntry("openwhisk.cold", "true")
                .containsEntry("openwhisk.status", "success");
        assertThat(Long.parseLong(once.get("openwhisk.clientTimeUs"))).isPositive();

        Map<String, String> several = entries.get(1);
        assertThat(several).containsEntry("openwhisk.function", "echo,other").containsEntry("openwhisk.count", "4")
                .containsEntry("openwhisk.coldCount", "1").containsEntry("openwhisk.failedCount", "0")
                .containsKeys("openwhisk.clientTimeUs.p50", "openwhisk.clientTimeUs.p95", "openwhisk.clientTimeUs.max",
                        "openwhisk.providerExecutionUs.p50", "openwhisk.providerWaitUs.max",
                        "openwhisk.providerInitUs.p50");
        assertThat(Long.parseLong(several.get("openwhisk.clientTimeUs.p50")))
                .isLessThanOrEqualTo(Long.parseLong(several.get("openwhisk.clientTimeUs.p95")))
                .isLessThanOrEqualTo(Long.parseLong(several.get("openwhisk.clientTimeUs.max")));

        List<JsonNode> rows = Rows.of(run);
        assertThat(rows).hasSize(5);
        assertThat(Rows.ofTest(run, ReportTestCases.class, "a_once")).singleElement().satisfies(row -> {
            assertThat(row.get("activationId").asText()).isEqualTo(once.get("openwhisk.activationId"));
            assertThat(row.get("clientTimeUs").asText()).isEqualTo(once.get("openwhisk.clientTimeUs"));
        });
        List<String> fields = new java.util.ArrayList<>();
        rows.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("test", "function", "action", "trigger", "activationId", "warmup", "cold",
                "status", "success", "clientTimeUs", "providerExecutionUs", "providerInitUs", "providerWaitUs",
                "benchmarkTimeUs", "memoryMb", "startedAt", "deployment", "image", "benchmark", "language", "mode",
                "concurrency", "trial", "scheduledAt", "payloadBytes", "idleMs", "rejected", "latencyUs",
                "measurement");
        assertThat(Rows.ofTest(run, ReportTestCases.class, "b_severalOfTwoFunctions"))
                .extracting(row -> row.get("function").asText() + "/" + row.get("trigger").asText())
                .containsExactly("echo/library", "echo/library", "echo/library", "other/http");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("providerExecutionUs").isNumber()).isTrue();
            assertThat(row.get("providerWaitUs").isNumber()).isTrue();
            assertThat(row.get("memoryMb").asInt()).isEqualTo(256);
            assertThat(row.get("startedAt").asText()).isNotEmpty();
            assertThat(row.get("action").asText()).matches("owj-[0-9a-f]{6}-(echo|other)");
        });
    }
}
