package org.serverlessbench.openwhisk.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes {@code results.csv} (RFC 4180): a header with the field names of {@code results.json}, then one line per
 * invocation. Empty cells stand for absent values; cells with commas, quotes or line breaks are quoted.
 */
final class ResultsCsvWriter {

    void write(List<InvocationRow> rows, Writer out) throws IOException {
        out.write(InvocationColumns.names().stream().map(ResultsCsvWriter::cell).collect(Collectors.joining(",")));
        out.write("\r\n");
        for (InvocationRow row : rows) {
            out.write(InvocationColumns.ALL.stream()
                    .map(column -> column.value().apply(row))
                    .map(value -> value == null ? "" : cell(value.toString()))
                    .collect(Collectors.joining(",")));
            out.write("\r\n");
        }
    }

    static String cell(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
