package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes an {@code experiments.json} shaped like SeBS's serialized {@code Result}: {@code config},
 * {@code _invocations} (function, then request id, then an {@code ExecutionResult} with {@code times},
 * {@code provider_times}, {@code stats}, {@code output} and {@code request_id}), {@code _metrics},
 * {@code begin_time}, {@code end_time} and {@code result_bucket}. Times are microseconds except {@code client_begin}
 * and {@code client_end}, which are timestamps as Python prints a naive UTC datetime, and the two HTTP timings, which
 * SeBS gives in seconds and we leave null because they are not measured. An invocation without an activation id is
 * stored under {@code failed-<n>}, as SeBS does. {@code output} holds the function's {@code measurement} object
 * (SeBS functions return it in their output) where the row has one, otherwise null. Warm-ups are left out.
 */
final class SebsExperimentsJsonWriter {

    private static final DateTimeFormatter PYTHON_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final ObjectMapper mapper;

    SebsExperimentsJsonWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void write(RunReport report, Writer out) throws IOException {
        mapper.writerWithDefaultPrettyPrinter().writeValue(out, toJson(report));
    }

    ObjectNode toJson(RunReport report) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode config = root.putObject("config");
        config.putObject("experiments");
        ObjectNode deployment = config.putObject("deployment");
        deployment.put("name", "openwhisk");
        deployment.put("target", report.run().target());
        deployment.put("apiHost", report.run().apiHost());
        ObjectNode invocations = root.putObject("_invocations");
        int failed = 0;
        for (InvocationRow row : report.rows()) {
            if (row.warmup()) {
                continue;
            }
            ObjectNode function = invocations.has(row.function())
                    ? (ObjectNode) invocations.get(row.function())
                    : invocations.putObject(row.function());
            String requestId = row.activationId() != null ? row.activationId() : "failed-" + failed++;
            function.set(requestId, executionResult(row));
        }
        root.putObject("_metrics");
        root.put("begin_time", epochSeconds(report.startedAt()));
        root.put("end_time", epochSeconds(report.finishedAt()));
        root.putNull("result_bucket");
        return root;
    }

    private ObjectNode executionResult(InvocationRow row) {
        ObjectNode result = mapper.createObjectNode();
        ObjectNode times = result.putObject("times");
        times.put("client", row.clientTimeUs());
        times.put("client_begin", pythonDatetime(row.startedAt()));
        times.put("client_end", pythonDatetime(row.startedAt().plus(row.clientTimeUs(), ChronoUnit.MICROS)));
        putOrNull(times, "benchmark", row.benchmarkTimeUs());
        times.putNull("initialization");
        times.putNull("http_startup");
        times.putNull("http_first_byte_return");
        ObjectNode providerTimes = result.putObject("provider_times");
        putOrNull(providerTimes, "execution", row.providerExecutionUs());
        putOrNull(providerTimes, "initialization", row.providerInitUs());
        ObjectNode stats = result.putObject("stats");
        stats.put("cold_start", row.cold());
        stats.putNull("memory_used");
        stats.put("failure", !row.success());
        if (row.measurement().isEmpty()) {
            result.putNull("output");
        } else {
            result.putObject("output").set("measurement", mapper.valueToTree(row.measurement()));
        }
        result.put("request_id", row.activationId());
        return result;
    }

    private static void putOrNull(ObjectNode node, String field, Long value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static String pythonDatetime(Instant instant) {
        return PYTHON_DATETIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static double epochSeconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
