package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsCsvWriterTest {

    @Test
    void quotesOnlyCellsThatNeedIt() {
        assertThat(ResultsCsvWriter.cell("plain value")).isEqualTo("plain value");
        assertThat(ResultsCsvWriter.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ResultsCsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ResultsCsvWriter.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ResultsCsvWriter.cell("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void writesTheHeaderAndOneLinePerRowThatParseBack() throws IOException {
        InvocationRow tricky = Rows.warm("Fixture#name, with \"quotes\"", "f\nx", 1, 1500, 1200);
        InvocationRow absent = Rows.failed("Fixture#failing", "f", 2);
        StringWriter out = new StringWriter();

        new ResultsCsvWriter().write(List.of(tricky, absent), out);

        List<List<String>> records = Csv.parse(out.toString());
        assertThat(records).hasSize(3);
        assertThat(records.get(0)).containsExactly("test", "function", "action", "trigger", "activationId", "warmup",
                "cold", "status", "success", "clientTimeUs", "providerExecutionUs", "providerInitUs", "providerWaitUs",
                "benchmarkTimeUs", "memoryMb", "startedAt", "deployment", "image", "benchmark", "language", "mode",
                "concurrency", "trial", "scheduledAt", "payloadBytes", "idleMs", "rejected", "latencyUs",
                "measurement");
        assertThat(records.get(1)).containsExactly("Fixture#name, with \"quotes\"", "f\nx", "run1-f\nx", "library",
                "act1", "false", "false", "success", "true", "1500", "1200", "", "3000", "700", "256",
                "2026-11-26T18:00:01.123456Z", "code", "", "", "", "", "", "", "", "", "", "", "", "");
        assertThat(records.get(2)).containsExactly("Fixture#failing", "f", "run1-f", "library", "", "false", "false",
                "application error", "false", "4000", "", "", "", "", "", "2026-11-26T18:00:02.123456Z", "code",
                "", "", "", "", "", "", "", "", "", "", "", "");
    }
}
