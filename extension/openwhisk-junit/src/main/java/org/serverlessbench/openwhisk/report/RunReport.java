package org.serverlessbench.openwhisk.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run's files hold: the run, its rows and their summaries, and, when a baseline was configured, the
 * baseline's run id and the comparison of each group that both runs have.
 */
record RunReport(RunInfo run, Instant startedAt, Instant finishedAt, List<InvocationRow> rows,
        List<TestSummary> summaries, String baselineRunId, Map<GroupKey, Comparison> comparisons) {

    RunReport {
        rows = List.copyOf(rows);
        summaries = List.copyOf(summaries);
        comparisons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(comparisons));
    }

    static RunReport of(RunInfo run, Instant startedAt, Instant finishedAt, List<InvocationRow> rows) {
        return new RunReport(run, startedAt, finishedAt, rows, TestSummary.of(rows, DeclarationOrder.ofContext()),
                null, Map.of());
    }

    /** This report with the comparisons of its groups, listed in the order of the summaries. */
    RunReport comparedWith(String baselineRunId, Map<GroupKey, Comparison> comparisons) {
        Map<GroupKey, Comparison> ordered = new LinkedHashMap<>();
        for (TestSummary summary : summaries) {
            Comparison comparison = comparisons.get(summary.key());
            if (comparison != null) {
                ordered.put(summary.key(), comparison);
            }
        }
        comparisons.forEach(ordered::putIfAbsent);
        return new RunReport(run, startedAt, finishedAt, rows, summaries, baselineRunId, ordered);
    }

    /** The spread between trials of each group that has more than one, in the order of the summaries. */
    List<TrialSpread> trialSpreads() {
        return TrialSpread.of(summaries);
    }

    long warmupCount() {
        return rows.stream().filter(InvocationRow::warmup).count();
    }
}
