package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final AtomicLong clock = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void logsAtMostOneLineEveryFiveSeconds() {
        ProgressLine progress = new ProgressLine("T#load", 100, out, false, clock::get);

        for (int i = 0; i < 100; i++) {
            clock.addAndGet(100_000_000L); // 0.1 s per invocation: 10 s in all
            progress.record(1_000 + i, i == 0);
        }
        progress.finish();

        assertThat(printed().lines()).containsExactly(
                "T#load: 50/100 invocations, 1 cold, client p50 1.02 ms, 5 s elapsed, about 5 s left",
                "T#load: 100/100 invocations, 1 cold, client p50 1.05 ms, 10 s elapsed");
    }

    @Test
    void rewritesOneLineOnATerminalAndEndsIt() {
        ProgressLine progress = new ProgressLine("T#warm", 0, out, true, clock::get);

        clock.addAndGet(300_000_000L);
        progress.record(2_000, false);
        clock.addAndGet(300_000_000L);
        progress.record(4_000, true);
        progress.finish();

        assertThat(printed()).isEqualTo("\rT#warm: 1 invocation, 0 cold, client p50 2.00 ms, 0 s elapsed\u001b[K"
                + "\rT#warm: 2 invocations, 1 cold, client p50 2.00 ms, 1 s elapsed\u001b[K" + System.lineSeparator());
    }

    @Test
    void aPlanInRunsCountsTheMeasuredInvocationsPerFinishedRun() {
        ProgressLine progress = new ProgressLine("T#load", 0, out, false, clock::get);
        progress.planRuns(10, false);

        assertThat(progress.render(clock.get())).as("no run finished yet: no plan")
                .isEqualTo("T#load: 0 invocations, 0 cold, 0 s elapsed");
        for (int run = 0; run < 5; run++) {
            // two invocations per run: 20 planned
            clock.addAndGet(1_000_000_000L);
            progress.record(1_000, false);
            progress.record(3_000, false);
            progress.runFinished(2);
        }
        // a run in flight has recorded its first invocation; the plan counts finished runs only
        progress.record(2_000, false);

        assertThat(progress.render(clock.get()))
                .isEqualTo("T#load: 11/20 invocations, 0 cold, client p50 2.00 ms, 5 s elapsed, about 4 s left");
    }

    @Test
    void anAdaptivePlanIsAMaximum() {
        ProgressLine progress = new ProgressLine("T#adaptive [30-1000 samples, ±5 %]", 0, out, false, clock::get);
        progress.planRuns(1000, true);

        for (int run = 0; run < 100; run++) {
            clock.addAndGet(50_000_000L);
            progress.record(1_000, run == 0);
            progress.runFinished(1);
        }

        assertThat(progress.render(clock.get())).isEqualTo("T#adaptive [30-1000 samples, ±5 %]: 100/<=1000"
                + " invocations, 1 cold, client p50 1.00 ms, 5 s elapsed, at most about 45 s left");
    }

    @Test
    void printsNothingForAShortTest() {
        ProgressLine progress = new ProgressLine("T#short", 3, out, false, clock::get);

        progress.record(1_000, true);
        progress.record(1_000, false);
        progress.finish();

        assertThat(printed()).isEmpty();
    }
}
