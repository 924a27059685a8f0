package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** {@code @ColdStart} tests are cold in every measured invocation, {@code @Warmup} tests warm in every one. */
class ColdWarmTests {

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class ColdAndWarmTestCases {

        @RepeatedTest(3)
        @ColdStart
        void coldLibrary(LibraryTrigger trigger) {
            trigger.invoke(Map.of("n", 1)).assertSuccess().assertCold();
        }

        @RepeatedTest(2)
        @ColdStart
        void coldHttp(HttpTrigger trigger) {
            Invocation invocation = trigger.invoke(Map.of("n", 1)).assertSuccess().assertCold();
            assertThat(invocation.providerInitUs()).isPresent();
        }

        @RepeatedTest(3)
        @Warmup(2)
        void warm(LibraryTrigger trigger) {
            trigger.invoke(Map.of("n", 2)).assertSuccess().assertWarm();
        }

        @Test
        @ColdStart
        void coldTwiceInOneTest(LibraryTrigger trigger) {
            trigger.invoke().assertCold();
            trigger.invoke().assertCold();
        }
    }

    @Test
    void coldTestsAreColdAndWarmTestsWarm() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(ColdAndWarmTestCases.class).assertAllSucceeded();

        List<JsonNode> coldLibrary = Rows.ofTest(run, ColdAndWarmTestCases.class, "coldLibrary");
        List<JsonNode> coldHttp = Rows.ofTest(run, ColdAndWarmTestCases.class, "coldHttp");
        List<JsonNode> coldTwice = Rows.ofTest(run, ColdAndWarmTestCases.class, "coldTwiceInOneTest");
        List<JsonNode> warm = Rows.ofTest(run, ColdAndWarmTestCases.class, "warm");

        assertThat(coldLibrary).hasSize(3).allSatisfy(ColdWarmTests::assertColdRow);
        assertThat(coldHttp).hasSize(2).allSatisfy(ColdWarmTests::assertColdRow)
                .allSatisfy(row -> assertThat(row.get("trigger").asText()).isEqualTo("http"));
        assertThat(coldTwice).hasSize(2).allSatisfy(ColdWarmTests::assertColdRow);
        assertThat(warm).filteredOn(row -> row.get("warmup").asBoolean()).hasSize(2);
        assertThat(warm).filteredOn(row -> !row.get("warmup").asBoolean()).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("cold").asBoolean()).isFalse();
            assertThat(row.get("providerInitUs").isNull()).isTrue();
        });
    }

    private static void assertColdRow(JsonNode row) {
        assertThat(row.get("cold").asBoolean()).isTrue();
        assertThat(row.get("warmup").asBoolean()).isFalse();
        assertThat(row.get("providerInitUs").isNumber()).as("providerInitUs of %s", row).isTrue();
    }
}
