package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowConditionsTest {

    private static final Instant STARTED = Instant.parse("2026-12-01T16:00:00Z");

    private static InvocationRow row(Map<String, Object> measurement, Conditions conditions) {
        return new InvocationRow("T#m", "f", "run1-f", "library", "a1", false, true, "success", true, 1000, 900L,
                800L, 10L, null, 256, STARTED, InvocationRow.CODE, null, "311.compression", "python", measurement,
                conditions);
    }

    @Test
    void jsonCarriesBenchmarkLanguageMeasurementAndConditions() {
        Map<String, Object> measurement = new LinkedHashMap<>();
        measurement.put("download_time", 1200);
        measurement.put("compute_time", 3400.5);
        Conditions conditions = new Conditions("warm", 4, 2, STARTED.plusMillis(5), 1024L, 60_000L);

        JsonNode json = new RowCodec(new ObjectMapper()).toJson(row(measurement, conditions));

        assertThat(json.get("benchmark").asText()).isEqualTo("311.compression");
        assertThat(json.get("language").asText()).isEqualTo("python");
        assertThat(json.get("mode").asText()).isEqualTo("warm");
        assertThat(json.get("concurrency").asInt()).isEqualTo(4);
        assertThat(json.get("trial").asInt()).isEqualTo(2);
        assertThat(json.get("scheduledAt").asText()).isEqualTo("2026-12-01T16:00:00.005Z");
        assertThat(json.get("payloadBytes").asLong()).isEqualTo(1024);
        assertThat(json.get("idleMs").asLong()).isEqualTo(60_000);
        assertThat(json.get("measurement").get("download_time").asLong()).isEqualTo(1200);
        assertThat(json.get("measurement").get("compute_time").asDouble()).isEqualTo(3400.5);
    }

    @Test
    void absentConditionsAreNullAndAnEmptyMeasurementIsAnEmptyObject() {
        JsonNode json = new RowCodec(new ObjectMapper()).toJson(row(null, null));

        assertThat(List.of("mode", "concurrency", "trial", "scheduledAt", "payloadBytes", "idleMs", "latencyUs"))
                .allSatisfy(field -> assertThat(json.get(field).isNull()).as(field).isTrue());
        assertThat(json.get("measurement").isObject()).isTrue();
        assertThat(json.get("measurement").size()).isZero();
    }

    @Test
    void csvWritesTheMeasurementAsJsonTextAndNothingWhenEmpty() throws IOException {
        StringWriter out = new StringWriter();
        new ResultsCsvWriter().write(List.of(row(Map.of("compute_time", 7), new Conditions("cold", null, null, null,
                null, null)), row(Map.of(), Conditions.NONE)), out);

        List<List<String>> lines = Csv.parse(out.toString());
        List<String> header = lines.get(0);
        int measurement = header.indexOf("measurement");
        int mode = header.indexOf("mode");
        assertThat(header).endsWith("benchmark", "language", "mode", "concurrency", "trial", "scheduledAt",
                "payloadBytes", "idleMs", "rejected", "latencyUs", "measurement");
        assertThat(lines.get(1).get(measurement)).isEqualTo("{\"compute_time\":7}");
        assertThat(lines.get(1).get(mode)).isEqualTo("cold");
        assertThat(lines.get(2).get(measurement)).isEmpty();
        assertThat(lines.get(2).get(mode)).isEmpty();
    }

    @Test
    void anOpenLoopRowCarriesItsLatencyFromTheScheduledStartAndKeepsItWithOtherConditions() {
        InvocationRow row = new InvocationRow("T#m", "f", "run1-f", "library", "a1", false, false, "success", true,
                1000, 900L, null, 10L, null, 256, STARTED, InvocationRow.CODE, null, null, null, Map.of(),
                Conditions.NONE.withScheduledAt(STARTED.minusMillis(3)), null, 4_000L);

        JsonNode json = new RowCodec(new ObjectMapper()).toJson(row.withConditions(row.conditions().withTrial(1)));

        assertThat(json.get("latencyUs").asLong()).isEqualTo(4_000);
        assertThat(json.get("scheduledAt").asText()).isEqualTo("2026-12-01T15:59:59.997Z");
        assertThat(json.get("trial").asInt()).isEqualTo(1);
    }

    @Test
    void overlayTakesEveryFieldTheOtherSets() {
        Conditions test = new Conditions("warm", 1, 3, null, null, null);

        Conditions call = test.overlay(Conditions.NONE.withScheduledAt(STARTED).withConcurrency(8));

        assertThat(call).isEqualTo(new Conditions("warm", 8, 3, STARTED, null, null));
        assertThat(test.overlay(Conditions.NONE)).isSameAs(test);
    }
}
