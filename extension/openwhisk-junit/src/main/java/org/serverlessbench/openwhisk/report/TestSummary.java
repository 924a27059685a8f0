package org.serverlessbench.openwhisk.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The measured (non-warmup) invocations of one {@link GroupKey group}, reduced to statistics: one test and function
 * under one set of conditions, cold or warm. Warmups and samples rejected by an experiment mode are only counted.
 * Provider, init and benchmark statistics cover the invocations whose record or result carried that time.
 * {@code failureCount} and {@code coldCount} are SeBS's {@code failures} and {@code cold_count} of the group; its
 * {@code samples_generated} is {@code count + rejectedCount}.
 */
record TestSummary(
        GroupKey key,
        int count,
        int coldCount,
        int warmupCount,
        int rejectedCount,
        int failureCount,
        Statistics clientTimeUs,
        Statistics providerExecutionUs,
        Statistics providerInitUs,
        Statistics providerWaitUs,
        Statistics benchmarkTimeUs) {

    String test() {
        return key.test();
    }

    String function() {
        return key.function();
    }

    /**
     * One summary per group with measured invocations, ordered as {@link #order} says, with test methods placed by
     * {@code order}.
     *
     * @param rows in the order they were made (by {@code startedAt})
     */
    static List<TestSummary> of(List<InvocationRow> rows, DeclarationOrder order) {
        Map<GroupKey, List<InvocationRow>> groups = new LinkedHashMap<>();
        Map<List<Object>, Integer> warmups = new HashMap<>();
        Map<List<Object>, Integer> rejected = new HashMap<>();
        for (InvocationRow row : rows) {
            GroupKey key = GroupKey.of(row);
            if (row.warmup()) {
                // a warm-up belongs to the groups of its test, function and conditions, whatever its temperature
                warmups.merge(conditionsOf(key), 1, Integer::sum);
            } else if (row.rejected() != null) {
                // so is a sample that its mode rejected (a warm one in cold mode, a cold one in warm mode)
                rejected.merge(conditionsOf(key), 1, Integer::sum);
            } else {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
        }
        List<GroupKey> keys = new ArrayList<>(groups.keySet());
        keys.sort(order(keys, rows, order));
        List<TestSummary> summaries = new ArrayList<>();
        Map<List<Object>, Boolean> warmupsCounted = new HashMap<>();
        for (GroupKey key : keys) {
            // the warm-ups and rejected samples of a test and conditions are counted once, on its first group
            boolean first = warmupsCounted.putIfAbsent(conditionsOf(key), true) == null;
            summaries.add(summarize(key, groups.get(key), first ? warmups.getOrDefault(conditionsOf(key), 0) : 0,
                    first ? rejected.getOrDefault(conditionsOf(key), 0) : 0));
        }
        return summaries;
    }

    /**
     * The order of the summary: classes in the order their first invocation was made, then test methods in the order
     * their class declares them (class-level invocations first, methods whose declaration is unknown last, in the
     * order they ran), then functions in the order they were first invoked in the test, then memory and conditions
     * ascending, cold before warm.
     */
    static Comparator<GroupKey> order(List<GroupKey> keys, List<InvocationRow> rows, DeclarationOrder order) {
        Map<String, Integer> classes = new HashMap<>();
        Map<String, Integer> tests = new HashMap<>();
        Map<List<String>, Integer> functions = new HashMap<>();
        for (InvocationRow row : rows) {
            classes.putIfAbsent(className(row.test()), classes.size());
            tests.putIfAbsent(row.test(), tests.size());
            functions.putIfAbsent(List.of(row.test(), row.function()), functions.size());
        }
        Map<String, Integer> positions = new HashMap<>();
        for (GroupKey key : keys) {
            positions.computeIfAbsent(key.test(), test -> order.position(test).orElse(Integer.MAX_VALUE));
        }
        return Comparator.<GroupKey>comparingInt(key -> classes.getOrDefault(className(key.test()), 0))
                .thenComparingInt(key -> positions.get(key.test()))
                .thenComparingInt(key -> tests.getOrDefault(key.test(), 0))
                .thenComparingInt(key -> functions.getOrDefault(List.of(key.test(), key.function()), 0))
                .thenComparing(GroupKey.BY_CONDITIONS);
    }

    private static String className(String test) {
        int hash = test.indexOf('#');
        return hash < 0 ? test : test.substring(0, hash);
    }

    private static List<Object> conditionsOf(GroupKey key) {
        return Arrays.asList(key.test(), key.function(), key.memoryMb(), key.mode(), key.concurrency(),
                key.trial(), key.payloadBytes(), key.idleMs());
    }

    private static TestSummary summarize(GroupKey key, List<InvocationRow> measured, int warmupCount,
            int rejectedCount) {
        return new TestSummary(
                key,
                measured.size(),
                (int) measured.stream().filter(InvocationRow::cold).count(),
                warmupCount,
                rejectedCount,
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
