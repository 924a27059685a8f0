package org.serverlessbench.openwhisk.junit.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.ReportKeys;
import org.serverlessbench.openwhisk.report.Statistics;

/** The report entries of a test's measured invocations, with the keys of {@link ReportKeys}. */
final class ReportEntries {

    private ReportEntries() {
    }

    static Map<String, String> of(List<Invocation> measured) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (measured.isEmpty()) {
            return entries;
        }
        if (measured.size() == 1) {
            Invocation invocation = measured.get(0);
            entries.put(ReportKeys.FUNCTION, invocation.function());
            entries.put(ReportKeys.ACTIVATION_ID, String.valueOf(invocation.activationId()));
            entries.put(ReportKeys.COLD, Boolean.toString(invocation.cold()));
            entries.put(ReportKeys.STATUS, invocation.status().text());
            entries.put(ReportKeys.CLIENT_TIME_US, Long.toString(invocation.clientTimeUs()));
            putIfPresent(entries, ReportKeys.PROVIDER_EXECUTION_US, invocation.providerExecutionUs());
            putIfPresent(entries, ReportKeys.PROVIDER_INIT_US, invocation.providerInitUs());
            putIfPresent(entries, ReportKeys.PROVIDER_WAIT_US, invocation.providerWaitUs());
            return entries;
        }
        Set<String> functions = new LinkedHashSet<>();
        measured.forEach(invocation -> functions.add(invocation.function()));
        entries.put(ReportKeys.FUNCTION, String.join(",", functions));
        entries.put(ReportKeys.COUNT, Integer.toString(measured.size()));
        entries.put(ReportKeys.COLD_COUNT, Long.toString(measured.stream().filter(Invocation::cold).count()));
        entries.put(ReportKeys.FAILED_COUNT, Long.toString(measured.stream().filter(i -> !i.success()).count()));
        putStatistics(entries, ReportKeys.CLIENT_TIME_US, measured, i -> OptionalLong.of(i.clientTimeUs()));
        putStatistics(entries, ReportKeys.PROVIDER_EXECUTION_US, measured, Invocation::providerExecutionUs);
        putStatistics(entries, ReportKeys.PROVIDER_INIT_US, measured, Invocation::providerInitUs);
        putStatistics(entries, ReportKeys.PROVIDER_WAIT_US, measured, Invocation::providerWaitUs);
        return entries;
    }

    private static void putIfPresent(Map<String, String> entries, String key, OptionalLong value) {
        if (value.isPresent()) {
            entries.put(key, Long.toString(value.getAsLong()));
        }
    }

    private static void putStatistics(Map<String, String> entries, String key, List<Invocation> measured,
            Function<Invocation, OptionalLong> value) {
        long[] values = measured.stream().map(value).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).toArray();
        if (values.length == 0) {
            return;
        }
        Statistics statistics = Statistics.of(values);
        entries.put(key + ReportKeys.P50, Long.toString(statistics.p50()));
        entries.put(key + ReportKeys.P95, Long.toString(statistics.p95()));
        entries.put(key + ReportKeys.MAX, Long.toString(statistics.max()));
    }
}
