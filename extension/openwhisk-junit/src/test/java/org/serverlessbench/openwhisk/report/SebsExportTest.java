package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SebsExportTest {

    private static final RunInfo RUN = new RunInfo("embedded", "http://127.0.0.1:3233", Map.of());

    private final ObjectMapper mapper = new ObjectMapper();

    private final RunReport report = RunReport.of(RUN, Rows.T0, Rows.T0.plusSeconds(10), List.of(
            Rows.warmup("T#warm", "html", 0),
            Rows.cold("T#cold", "html", 1, 120_000, 9_000, 80_000),
            Rows.warm("T#warm", "html", 2, 4_000, 1_500),
            Rows.failed("T#warm", "sleep", 3)));

    @Test
    void resultCsvHasPerfCostsColumnsInMicroseconds() throws Exception {
        StringWriter out = new StringWriter();
        new SebsResultCsvWriter().write(report.rows(), out);

        List<List<String>> records = Csv.parse(out.toString());

        assertThat(records.get(0)).containsExactly("memory", "type", "is_cold", "exec_time", "connection_time",
                "client_time", "provider_time", "mem_used");
        assertThat(records).hasSize(4);
        assertThat(records.get(1)).containsExactly("256", "cold", "True", "8500", "", "120000", "9000", "");
        assertThat(records.get(2)).containsExactly("256", "warm", "False", "1000", "", "4000", "1500", "");
        assertThat(records.get(3)).containsExactly("", "warm", "False", "", "", "4000", "", "");
    }

    @Test
    void experimentsJsonIsShapedLikeSebssResult() throws Exception {
        StringWriter out = new StringWriter();
        new SebsExperimentsJsonWriter(mapper).write(report, out);

        JsonNode root = mapper.readTree(out.toString());

        assertThat(root.fieldNames()).toIterable()
                .containsExactly("config", "_invocations", "_metrics", "begin_time", "end_time", "result_bucket");
        assertThat(root.path("begin_time").asDouble()).isEqualTo(Rows.T0.getEpochSecond() + 0.123456);
        JsonNode html = root.path("_invocations").path("html");
        assertThat(html.fieldNames()).toIterable().containsExactly("act1", "act2");
        JsonNode cold = html.path("act1");
        assertThat(cold.path("request_id").asText()).isEqualTo("act1");
        assertThat(cold.path("times").path("client").asLong()).isEqualTo(120_000);
        assertThat(cold.path("times").path("client_begin").asText()).isEqualTo("2026-11-26 18:00:01.123456");
        assertThat(cold.path("times").path("client_end").asText()).isEqualTo("2026-11-26 18:00:01.243456");
        assertThat(cold.path("times").path("benchmark").asLong()).isEqualTo(8_500);
        assertThat(cold.path("times").has("http_startup")).isTrue();
        assertThat(cold.path("provider_times").path("execution").asLong()).isEqualTo(9_000);
        assertThat(cold.path("provider_times").path("initialization").asLong()).isEqualTo(80_000);
        assertThat(cold.path("stats").path("cold_start").asBoolean()).isTrue();
        assertThat(cold.path("stats").path("failure").asBoolean()).isFalse();
        JsonNode failed = root.path("_invocations").path("sleep").path("failed-0");
        assertThat(failed.path("stats").path("failure").asBoolean()).isTrue();
        assertThat(failed.path("request_id").isNull()).isTrue();
        assertThat(cold.path("output").isNull()).as("no measurement").isTrue();
    }

    @Test
    void typeIsTheModeAndOutputTheMeasurementWhereTheRowsHaveThem() throws Exception {
        InvocationRow burst = Rows.cold("T#burst", "html", 1, 120_000, 9_000, 80_000);
        burst = new InvocationRow(burst.test(), burst.function(), burst.action(), burst.trigger(),
                burst.activationId(), false, true, "success", true, 120_000, 9_000L, 80_000L, 1_000L, 8_500L, 512,
                burst.startedAt(), InvocationRow.CODE, null, "110.dynamic-html", "nodejs",
                Map.of("compute_time", 1234), Conditions.NONE.withMode("burst").withConcurrency(5));
        RunReport withModes = RunReport.of(RUN, Rows.T0, Rows.T0.plusSeconds(10), List.of(burst,
                Rows.warm("T#warm", "html", 2, 4_000, 1_500)));
        StringWriter csv = new StringWriter();
        new SebsResultCsvWriter().write(withModes.rows(), csv);
        StringWriter json = new StringWriter();
        new SebsExperimentsJsonWriter(mapper).write(withModes, json);

        List<List<String>> records = Csv.parse(csv.toString());
        JsonNode invocation = mapper.readTree(json.toString()).path("_invocations").path("html").path("act1");

        assertThat(records.get(1)).containsExactly("512", "burst", "True", "8500", "", "120000", "9000", "");
        assertThat(records.get(2).get(1)).as("no mode: the sample's kind").isEqualTo("warm");
        assertThat(invocation.path("output").path("measurement").path("compute_time").asInt()).isEqualTo(1234);
    }
}
