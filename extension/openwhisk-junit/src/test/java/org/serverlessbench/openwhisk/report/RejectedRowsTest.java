package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Samples an experiment mode rejected stay in the rows but not in the statistics. */
class RejectedRowsTest {

    private static final Instant STARTED = Instant.parse("2026-12-01T16:00:00Z");

    private static InvocationRow row(long clientTimeUs, boolean warmup, String rejected) {
        return new InvocationRow("T#m", "f", "run1-f", "library", "a" + clientTimeUs, warmup, false, "success", true,
                clientTimeUs, null, null, null, null, 256, STARTED, InvocationRow.CODE, null, null, null, Map.of(),
                Conditions.NONE.withMode("cold"), rejected);
    }

    @Test
    void theSummaryLeavesOutWarmupsAndRejectedSamples() {
        List<InvocationRow> rows = List.of(row(1000, false, null), row(3000, false, null),
                row(90_000, false, InvocationRow.REJECTED_WARM_IN_COLD_MODE), row(50_000, true, null));

        assertThat(rows).extracting(InvocationRow::inStatistics).containsExactly(true, true, false, false);
        TestSummary summary = TestSummary.of(rows, new DeclarationOrder(getClass().getClassLoader())).get(0);
        assertThat(summary.clientTimeUs().count()).isEqualTo(2);
        assertThat(summary.clientTimeUs().max()).isEqualTo(3000);
        assertThat(summary.warmupCount()).isEqualTo(1);
        assertThat(summary.rejectedCount()).isEqualTo(1);
    }
}
