package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A payload sweep runs once per geometric size with the payload injected; the clock correction is "none" on the
 * embedded target and a least-round-trip offset on a remote one.
 */
class PayloadSizesTests {

    @RegisterExtension
    static final SharedOpenWhisk shared = new SharedOpenWhisk();

    @OpenWhiskTest
    @OpenWhiskFunction(name = "timestamp", code = "src/test/functions/timestamp-node")
    static class SweepTestCases {

        @PayloadSizes(from = "1KB", to = "16KB", points = 3)
        void sweep(LibraryTrigger trigger, Payload payload) {
            Invocation invocation = trigger.invoke(payload.parameters()).assertSuccess();
            assertThat(((Number) invocation.resultMap().get("payloadLength")).longValue())
                    .isEqualTo(payload.bytes());
        }
    }

    @Test
    void theSweepRunsOncePerSizeWithThePayloadInjected() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(SweepTestCases.class).assertAllSucceeded();

        assertThat(ExperimentTests.testNames(run)).containsExactly("[payload 1 KB]", "[payload 4 KB]",
                "[payload 16 KB]");
        List<JsonNode> rows = Rows.ofTest(run, SweepTestCases.class, "sweep");
        assertThat(rows).extracting(row -> row.get("payloadBytes").asLong()).containsExactly(1024L, 4096L, 16384L);
        assertThat(run.reportEntries()).filteredOn(entry -> entry.containsKey(ReportKeys.CLOCK_CORRECTION))
                .hasSize(3).allSatisfy(entry -> assertThat(entry.get(ReportKeys.CLOCK_CORRECTION))
                        .startsWith("none (embedded target"));
    }

    @Test
    void onARemoteTargetTheOffsetIsEstimatedByTheLeastRoundTrip() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(SweepTestCases.class, shared.remoteTarget("owj-payload-"))
                .assertAllSucceeded();

        List<Map<String, String>> entries = run.reportEntries().stream()
                .filter(entry -> entry.containsKey(ReportKeys.CLOCK_CORRECTION)).toList();
        assertThat(entries).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.get(ReportKeys.CLOCK_CORRECTION)).startsWith("min-rtt");
            double offsetMs = Double.parseDouble(entry.get(ReportKeys.CLOCK_OFFSET_MS));
            double rttMs = Double.parseDouble(entry.get(ReportKeys.CLOCK_RTT_MS));
            // the "remote" server runs on this machine's clock: the true offset is 0, and the estimate can be off
            // by at most half the round trip plus the function's millisecond resolution
            assertThat(Math.abs(offsetMs)).as("offset %s ms with round trip %s ms", offsetMs, rttMs)
                    .isLessThanOrEqualTo(rttMs / 2 + 1);
        });
        assertThat(entries.stream().map(entry -> entry.get(ReportKeys.CLOCK_OFFSET_MS)).distinct())
                .as("estimated once per sweep").hasSize(1);
    }
}
