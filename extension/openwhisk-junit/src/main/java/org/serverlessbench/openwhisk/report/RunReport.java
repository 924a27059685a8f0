package org.serverlessbench.openwhisk.report;

import java.time.Instant;
import java.util.List;

/** Everything {@code results.json} holds: the run, its rows and their summaries. */
record RunReport(RunInfo run, Instant startedAt, Instant finishedAt, List<InvocationRow> rows,
        List<TestSummary> summaries) {

    static RunReport of(RunInfo run, Instant startedAt, Instant finishedAt, List<InvocationRow> rows) {
        return new RunReport(run, startedAt, finishedAt, List.copyOf(rows), TestSummary.of(rows));
    }

    long warmupCount() {
        return rows.stream().filter(InvocationRow::warmup).count();
    }
}
