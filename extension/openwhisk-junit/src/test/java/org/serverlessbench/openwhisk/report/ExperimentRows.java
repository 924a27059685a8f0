package org.serverlessbench.openwhisk.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded rows of every experiment whose chart the report draws: a memory sweep in two modes, an open-loop run with
 * scheduled starts (one stall that delays the starts after it), an idle-time map, a payload sweep and three trials.
 * Public so that the browser test of the report can write them through {@link ResultsSink}.
 */
public final class ExperimentRows {

    public static final Instant T0 = Instant.parse("2026-12-01T18:00:00Z");
    public static final String FUNCTION = "html-nodejs";

    private ExperimentRows() {}

    /** {@code 39 * perPoint} rows: {@code perPoint} per point of each experiment, 20 times as many in the open loop. */
    public static List<InvocationRow> all(int perPoint) {
        return all(perPoint, T0);
    }

    /** {@link #all(int)} with the first row at {@code first}. */
    public static List<InvocationRow> all(int perPoint, Instant first) {
        SplittableRandom random = new SplittableRandom(7);
        List<InvocationRow> rows = new ArrayList<>();
        Instant t = first;
        int id = 0;
        for (String mode : List.of("cold", "warm")) {
            for (int memory : new int[] {128, 256, 512}) {
                for (int i = 0; i < perPoint; i++) {
                    boolean cold = mode.equals("cold");
                    long provider = 2_000 + random.nextLong(2_000) + 400_000 / memory * 10;
                    t = t.plusMillis(2);
                    rows.add(row("org.example.Experiments#perfCost", "a" + id++, cold, provider
                            + 800 + (cold ? 60_000 : 0) + random.nextLong(500), provider, memory, t,
                            Conditions.NONE.withMode(mode)));
                }
            }
        }
        Instant start = t.plusSeconds(1);
        int openLoop = perPoint * 20;
        for (int i = 0; i < openLoop; i++) {
            Instant scheduled = start.plusMillis(i * 10L);
            // a stall between the 40 % and 45 % marks delays every start in it to its end
            long lagMs = i >= openLoop * 40 / 100 && i < openLoop * 45 / 100 ? (openLoop * 45 / 100 - i) * 10L : 0;
            long provider = 1_000 + random.nextLong(500);
            rows.add(row("org.example.Experiments#openLoop", "b" + id++, false, provider + 700, provider, 256,
                    scheduled.plusMillis(lagMs).plusNanos(random.nextLong(200_000)),
                    Conditions.NONE.withScheduledAt(scheduled).withConcurrency(null)));
        }
        t = start.plusMillis(openLoop * 10L + 1_000);
        for (long idle : new long[] {1_000, 10_000, 60_000, 600_000}) {
            for (int i = 0; i < perPoint; i++) {
                boolean cold = random.nextDouble() < Math.min(0.95, idle / 700_000.0 + 0.02);
                t = t.plusMillis(5);
                rows.add(row("org.example.Experiments#idleTimes", "c" + id++, cold, cold ? 65_000 : 1_500,
                        cold ? 60_000L : 1_000L, 256, t, Conditions.NONE.withIdleMs(idle)));
            }
        }
        for (long payload = 1024; payload <= 1024 * 1024; payload *= 4) {
            for (int i = 0; i < perPoint; i++) {
                t = t.plusMillis(5);
                long provider = 1_000 + payload / 1000;
                rows.add(row("org.example.Experiments#payloads", "d" + id++, false, provider + 600 + payload / 200,
                        provider, 256, t, Conditions.NONE.withPayloadBytes(payload)));
            }
        }
        for (int trial = 1; trial <= 3; trial++) {
            for (int i = 0; i < perPoint; i++) {
                t = t.plusMillis(5);
                long provider = 1_000 + trial * 150L + random.nextLong(300);
                rows.add(row("org.example.Experiments#trials", "e" + id++, false, provider + 700, provider, 256, t,
                        Conditions.NONE.withTrial(trial)));
            }
        }
        return rows;
    }

    private static InvocationRow row(String test, String activation, boolean cold, long clientUs, long providerUs,
            int memory, Instant startedAt, Conditions conditions) {
        return new InvocationRow(test, FUNCTION, "owj-" + FUNCTION, "library", activation, false, cold, "success",
                true, clientUs, providerUs, cold ? 50_000L : null, 300L, providerUs - 300, memory, startedAt,
                InvocationRow.CODE, null, "110.dynamic-html", "nodejs", null, conditions);
    }
}
