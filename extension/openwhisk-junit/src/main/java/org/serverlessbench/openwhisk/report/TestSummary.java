package org.serverlessbench.openwhisk.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The measured (non-warmup) invocations of one function in one test, reduced to statistics. Warmups are only
 * counted. Provider, init and benchmark statistics cover the invocations whose record or result carried that time.
 */
record TestSummary(
        String test,
        String function,
        int count,
        int coldCount,
        int warmupCount,
        int failureCount,
        Statistics clientTimeUs,
        Statistics providerExecutionUs,
        Statistics providerInitUs,
        Statistics providerWaitUs,
        Statistics benchmarkTimeUs) {

    /** One summary per (test, function), in the order in which they first appear in {@code rows}. */
    static List<TestSummary> of(List<InvocationRow> rows) {
        Map<List<String>, List<InvocationRow>> groups = new LinkedHashMap<>();
        for (InvocationRow row : rows) {
            groups.computeIfAbsent(List.of(row.test(), row.function()), key -> new ArrayList<>()).add(row);
        }
        List<TestSummary> summaries = new ArrayList<>();
        groups.forEach((key, group) -> summaries.add(summarize(key.get(0), key.get(1), group)));
        return summaries;
    }

    private static TestSummary summarize(String test, String function, List<InvocationRow> group) {
        List<InvocationRow> measured = group.stream().filter(InvocationRow::inStatistics).toList();
        return new TestSummary(
                test,
                function,
                measured.size(),
                (int) measured.stream().filter(InvocationRow::cold).count(),
                group.size() - measured.size(),
                (int) measured.stream().filter(row -> !row.success()).count(),
                Statistics.of(measured.stream().mapToLong(InvocationRow::clientTimeUs).toArray()),
                present(measured, InvocationRow::providerExecutionUs),
                present(measured, InvocationRow::providerInitUs),
                present(measured, InvocationRow::providerWaitUs),
                present(measured, InvocationRow::benchmarkTimeUs));
    }

    private static Statistics present(List<InvocationRow> rows, Function<InvocationRow, Long> field) {
        return Statistics.of(rows.stream().map(field).filter(Objects::nonNull).mapToLong(Long::longValue).toArray());
    }
}
