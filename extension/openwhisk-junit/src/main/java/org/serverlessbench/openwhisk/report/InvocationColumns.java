package org.serverlessbench.openwhisk.report;

import java.util.List;
import java.util.function.Function;

/**
 * The fields of an {@link InvocationRow} in the order and with the names used in {@code results.json} and as the
 * header of {@code results.csv}. Values are {@code String}, {@code Boolean}, {@code Long}, {@code Integer} or
 * {@code null}, and a map for {@code measurement} (an object in JSON, JSON text in CSV); {@code startedAt} and
 * {@code scheduledAt} are ISO-8601 instants.
 */
final class InvocationColumns {

    record Column(String name, Function<InvocationRow, Object> value) {}

    static final List<Column> ALL = List.of(
            new Column("test", InvocationRow::test),
            new Column("function", InvocationRow::function),
            new Column("action", InvocationRow::action),
            new Column("trigger", InvocationRow::trigger),
            new Column("activationId", InvocationRow::activationId),
            new Column("warmup", InvocationRow::warmup),
            new Column("cold", InvocationRow::cold),
            new Column("status", InvocationRow::status),
            new Column("success", InvocationRow::success),
            new Column("clientTimeUs", InvocationRow::clientTimeUs),
            new Column("providerExecutionUs", InvocationRow::providerExecutionUs),
            new Column("providerInitUs", InvocationRow::providerInitUs),
            new Column("providerWaitUs", InvocationRow::providerWaitUs),
            new Column("benchmarkTimeUs", InvocationRow::benchmarkTimeUs),
            new Column("memoryMb", InvocationRow::memoryMb),
            new Column("startedAt", row -> row.startedAt().toString()),
            new Column("deployment", InvocationRow::deployment),
            new Column("image", InvocationRow::image),
            new Column("benchmark", InvocationRow::benchmark),
            new Column("language", InvocationRow::language),
            new Column("mode", row -> row.conditions().mode()),
            new Column("concurrency", row -> row.conditions().concurrency()),
            new Column("trial", row -> row.conditions().trial()),
            new Column("scheduledAt", row -> row.conditions().scheduledAt() == null
                    ? null : row.conditions().scheduledAt().toString()),
            new Column("payloadBytes", row -> row.conditions().payloadBytes()),
            new Column("idleMs", row -> row.conditions().idleMs()),
            new Column("rejected", InvocationRow::rejected),
            new Column("latencyUs", InvocationRow::latencyUs),
            new Column("measurement", InvocationRow::measurement));

    private InvocationColumns() {}

    static List<String> names() {
        return ALL.stream().map(Column::name).toList();
    }
}
