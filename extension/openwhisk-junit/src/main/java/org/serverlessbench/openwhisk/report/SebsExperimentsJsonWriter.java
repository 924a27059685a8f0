package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** Writes trees into a generator without flushing it after each, which would be a system call per row. */
    private final ObjectWriter trees;

    SebsExperimentsJsonWriter(ObjectMapper mapper) {
        this.mapper = mapper;
        this.trees = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    void write(RunReport report, Writer out) throws IOException {
        try (JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
            write(report, generator);
        }
    }

    /**
     * Writes the document through the generator, one execution result at a time: a tree of every invocation was the
     * largest part of writing 100 000 rows (ExtensionCostBenchmark, docs/experiments.md).
     */
    private void write(RunReport report, JsonGenerator generator) throws IOException {
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.setPrettyPrinter(new DefaultPrettyPrinter());
        generator.writeStartObject();
        ObjectNode config = mapper.createObjectNode();
        config.putObject("experiments");
        ObjectNode deployment = config.putObject("deployment");
        deployment.put("name", "openwhisk");
        deployment.put("target", report.run().target());
        deployment.put("apiHost", report.run().apiHost());
        generator.writeFieldName("config");
        trees.writeValue(generator, config);
        generator.writeFieldName("_invocations");
        generator.writeStartObject();
        for (Map.Entry<String, Map<String, InvocationRow>> function : byFunction(report.rows()).entrySet()) {
            generator.writeFieldName(function.getKey());
            generator.writeStartObject();
            for (Map.Entry<String, InvocationRow> invocation : function.getValue().entrySet()) {
                generator.writeFieldName(invocation.getKey());
                executionResult(generator, invocation.getValue());
            }
            generator.writeEndObject();
        }
        generator.writeEndObject();
        generator.writeFieldName("_metrics");
        generator.writeStartObject();
        generator.writeEndObject();
        generator.writeNumberField("begin_time", epochSeconds(report.startedAt()));
        generator.writeNumberField("end_time", epochSeconds(report.finishedAt()));
        generator.writeNullField("result_bucket");
        generator.writeEndObject();
    }

    /**
     * The measured rows by function, then by request id, functions and ids in the order they first appear; a request
     * id seen twice keeps its first place and its last row, as SeBS's dictionaries do.
     */
    private static Map<String, Map<String, InvocationRow>> byFunction(List<InvocationRow> rows) {
        Map<String, Map<String, InvocationRow>> functions = new LinkedHashMap<>();
        int failed = 0;
        for (InvocationRow row : rows) {
            if (row.warmup()) {
                continue;
            }
            String requestId = row.activationId() != null ? row.activationId() : "failed-" + failed++;
            functions.computeIfAbsent(row.function(), function -> new LinkedHashMap<>()).put(requestId, row);
        }
        return functions;
    }

    private void executionResult(JsonGenerator generator, InvocationRow row) throws IOException {
        generator.writeStartObject();
        generator.writeObjectFieldStart("times");
        generator.writeNumberField("client", row.clientTimeUs());
        generator.writeStringField("client_begin", pythonDatetime(row.startedAt()));
        generator.writeStringField("client_end", pythonDatetime(row.startedAt().plus(row.clientTimeUs(),
                ChronoUnit.MICROS)));
        numberOrNull(generator, "benchmark", row.benchmarkTimeUs());
        generator.writeNullField("initialization");
        generator.writeNullField("http_startup");
        generator.writeNullField("http_first_byte_return");
        generator.writeEndObject();
        generator.writeObjectFieldStart("provider_times");
        numberOrNull(generator, "execution", row.providerExecutionUs());
        numberOrNull(generator, "initialization", row.providerInitUs());
        generator.writeEndObject();
        generator.writeObjectFieldStart("stats");
        generator.writeBooleanField("cold_start", row.cold());
        generator.writeNullField("memory_used");
        generator.writeBooleanField("failure", !row.success());
        generator.writeEndObject();
        if (row.measurement().isEmpty()) {
            generator.writeNullField("output");
        } else {
            generator.writeObjectFieldStart("output");
            generator.writeFieldName("measurement");
            trees.writeValue(generator, mapper.valueToTree(row.measurement()));
            generator.writeEndObject();
        }
        generator.writeStringField("request_id", row.activationId());
        generator.writeEndObject();
    }

    private static void numberOrNull(JsonGenerator generator, String field, Long value) throws IOException {
        if (value == null) {
            generator.writeNullField(field);
        } else {
            generator.writeNumberField(field, value);
        }
    }

    private static String pythonDatetime(Instant instant) {
        // ofEpochSecond: ofInstant looks up the offset's rules for every call
        return PYTHON_DATETIME.format(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(),
                ZoneOffset.UTC));
    }

    private static double epochSeconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
