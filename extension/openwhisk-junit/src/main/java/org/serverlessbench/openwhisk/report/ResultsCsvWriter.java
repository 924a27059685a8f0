package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@code results.csv} (RFC 4180): a header with the field names of {@code results.json}, then one line per
 * invocation. Empty cells stand for absent values (an empty map too); a map is written as JSON text; cells with
 * commas, quotes or line breaks are quoted. The header and each line can be written on their own, so that the file
 * grows while the run records.
 */
final class ResultsCsvWriter {

    private final ObjectMapper mapper = new ObjectMapper();

    void write(List<InvocationRow> rows, Writer out) throws IOException {
        header(out);
        for (InvocationRow row : rows) {
            row(row, out);
        }
    }

    void header(Writer out) throws IOException {
        out.write(InvocationColumns.names().stream().map(ResultsCsvWriter::cell).collect(Collectors.joining(",")));
        out.write("\r\n");
    }

    void row(InvocationRow row, Writer out) throws IOException {
        boolean first = true;
        for (InvocationColumns.Column column : InvocationColumns.ALL) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.write(text(column.value().apply(row)));
        }
        out.write("\r\n");
    }

    private String text(Object value) throws IOException {
        if (value == null || value instanceof Map<?, ?> map && map.isEmpty()) {
            return "";
        }
        return cell(value instanceof Map<?, ?> ? mapper.writeValueAsString(value) : value.toString());
    }

    static String cell(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
