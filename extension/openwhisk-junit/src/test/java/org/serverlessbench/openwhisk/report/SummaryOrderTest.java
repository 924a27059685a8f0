package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryOrderTest {

    private static final String DECLARED = DeclaredOrder.class.getName();

    /** Methods declared neither alphabetically nor in the order the rows below are made. */
    @SuppressWarnings("unused")
    static class DeclaredOrder {
        void zeta() {}

        void alpha() {}

        void middle() {}
    }

    @SuppressWarnings("unused")
    static class Subclass extends DeclaredOrder {
        void own() {}
    }

    @Test
    void readsMethodPositionsFromTheClassFile() {
        DeclarationOrder order = new DeclarationOrder(getClass().getClassLoader());

        // position 0 is the constructor <init>
        assertThat(order.position(DECLARED + "#zeta")).contains(1);
        assertThat(order.position(DECLARED + "#alpha")).contains(2);
        assertThat(order.position(DECLARED + "#middle")).contains(3);
        assertThat(order.position(DECLARED)).as("class-level invocations come first").contains(-1);
        assertThat(order.position(Subclass.class.getName() + "#own")).contains(1);
        assertThat(order.position(Subclass.class.getName() + "#alpha")).as("inherited: after the class's own")
                .contains(100_002);
        assertThat(order.position("org.example.Missing#test")).isEmpty();
        assertThat(order.position(DECLARED + "#notThere")).isEmpty();
        assertThat(order.position("[engine:junit-jupiter]/[class:x]#y")).isEmpty();
    }

    @Test
    void summaryFollowsDeclarationOrderThenConditionsAscendingColdFirst() {
        List<InvocationRow> rows = new ArrayList<>();
        int second = 0;
        // run order: middle, alpha, zeta; another class in between
        rows.add(Rows.warm(DECLARED + "#middle", "f", second++, 1_000, 500));
        rows.add(Rows.warm("org.example.Other#test", "f", second++, 1_000, 500));
        for (long payload : new long[] {4096, 1024}) {
            rows.add(Rows.warm(DECLARED + "#alpha", "f", second++, 1_000, 500)
                    .withConditions(Conditions.NONE.withPayloadBytes(payload)));
        }
        rows.add(Rows.warm(DECLARED + "#alpha", "g", second++, 1_000, 500));
        rows.add(Rows.warm(DECLARED + "#zeta", "f", second++, 1_000, 500).withConditions(Conditions.NONE
                .withMode("warm")));
        rows.add(Rows.cold(DECLARED + "#zeta", "f", second++, 1_000, 500, 300).withConditions(Conditions.NONE
                .withMode("warm")));
        rows.add(Rows.cold(DECLARED + "#zeta", "f", second++, 1_000, 500, 300).withConditions(Conditions.NONE
                .withMode("cold")));
        RunReport report = RunReport.of(new RunInfo("embedded", null, Map.of()), Instant.EPOCH,
                Instant.EPOCH.plusSeconds(60), rows);

        List<String> order = report.summaries().stream().map(summary -> summary.key().describe()).toList();

        assertThat(order).containsExactly(
                "SummaryOrderTest$DeclaredOrder#zeta f 256 MB mode=cold cold",
                "SummaryOrderTest$DeclaredOrder#zeta f 256 MB mode=warm cold",
                "SummaryOrderTest$DeclaredOrder#zeta f 256 MB mode=warm warm",
                "SummaryOrderTest$DeclaredOrder#alpha f 256 MB payload=1024 B warm",
                "SummaryOrderTest$DeclaredOrder#alpha f 256 MB payload=4096 B warm",
                "SummaryOrderTest$DeclaredOrder#alpha g 256 MB warm",
                "SummaryOrderTest$DeclaredOrder#middle f 256 MB warm",
                "Other#test f 256 MB warm");
    }

    @Test
    void groupsSplitByEveryConditionButNotByScheduledStart() {
        List<InvocationRow> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Conditions conditions = new Conditions("burst", 1 + i % 2, 1, Instant.EPOCH.plusMillis(i), 10L, 1_000L);
            rows.add(Rows.warm("a.B#load", "f", i, 1_000 + i, 500).withConditions(conditions));
        }
        RunReport report = RunReport.of(new RunInfo("embedded", null, Map.of()), Instant.EPOCH,
                Instant.EPOCH.plusSeconds(60), rows);

        assertThat(report.summaries()).extracting(TestSummary::count).containsExactly(2, 2);
        assertThat(report.summaries()).extracting(summary -> summary.key().concurrency()).containsExactly(1, 2);
    }
}
