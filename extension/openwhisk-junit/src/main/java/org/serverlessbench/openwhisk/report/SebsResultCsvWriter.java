package org.serverlessbench.openwhisk.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes SeBS perf-cost's processed {@code result.csv}: {@code memory,type,is_cold,exec_time,connection_time,
 * client_time,provider_time,mem_used}, times in microseconds as SeBS uses them, warm-ups left out. {@code type} is
 * the perf-cost experiment the sample belongs to, as SeBS writes it: the row's mode ({@code cold}, {@code warm},
 * {@code burst}, {@code sequential}) where the test set one, otherwise the sample's kind, {@code cold} or
 * {@code warm}; {@code exec_time} is the function's own benchmark time and
 * {@code provider_time} the activation's {@code duration}. Cells are empty where a value was not measured
 * ({@code connection_time} and {@code mem_used}: OpenWhisk's records carry neither).
 */
final class SebsResultCsvWriter {

    static final List<String> COLUMNS = List.of("memory", "type", "is_cold", "exec_time", "connection_time",
            "client_time", "provider_time", "mem_used");

    void write(List<InvocationRow> rows, Writer out) throws IOException {
        header(out);
        for (InvocationRow row : rows) {
            row(row, out);
        }
    }

    void header(Writer out) throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write("\r\n");
    }

    /** Writes the line of {@code row}; nothing for a warm-up. */
    void row(InvocationRow row, Writer out) throws IOException {
        if (row.warmup()) {
            return;
        }
        out.write(String.join(",",
                cell(row.memoryMb()),
                row.conditions().mode() != null ? row.conditions().mode() : row.cold() ? "cold" : "warm",
                row.cold() ? "True" : "False",
                cell(row.benchmarkTimeUs()),
                "",
                Long.toString(row.clientTimeUs()),
                cell(row.providerExecutionUs()),
                ""));
        out.write("\r\n");
    }

    private static String cell(Number value) {
        return value == null ? "" : value.toString();
    }
}
