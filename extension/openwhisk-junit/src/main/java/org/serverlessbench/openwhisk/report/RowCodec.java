package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Converts rows and run descriptions to JSON trees, with the field names of {@link InvocationColumns}, and rows back
 * from their trees.
 */
final class RowCodec {

    private static final TypeReference<Map<String, Object>> MEASUREMENT = new TypeReference<>() {};

    private final ObjectMapper mapper;
    /** Writes trees into a generator without flushing it after each, which would be a system call per row. */
    private final ObjectWriter trees;

    RowCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.trees = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    ObjectNode toJson(InvocationRow row) {
        ObjectNode node = mapper.createObjectNode();
        for (InvocationColumns.Column column : InvocationColumns.ALL) {
            put(node, column.name(), column.value().apply(row));
        }
        return node;
    }

    /** Writes the object {@link #toJson(InvocationRow)} makes into {@code generator}, without making it. */
    void write(JsonGenerator generator, InvocationRow row) throws IOException {
        generator.writeStartObject();
        for (InvocationColumns.Column column : InvocationColumns.ALL) {
            Object value = column.value().apply(row);
            if (value == null) {
                generator.writeNullField(column.name());
            } else if (value instanceof String text) {
                generator.writeStringField(column.name(), text);
            } else if (value instanceof Long number) {
                generator.writeNumberField(column.name(), number);
            } else if (value instanceof Integer number) {
                generator.writeNumberField(column.name(), number);
            } else if (value instanceof Boolean flag) {
                generator.writeBooleanField(column.name(), flag);
            } else if (value instanceof Map<?, ?> map && map.isEmpty()) {
                // what the tree of an empty map writes, without making one
                generator.writeObjectFieldStart(column.name());
                generator.writeEndObject();
            } else {
                generator.writeFieldName(column.name());
                trees.writeValue(generator, mapper.valueToTree(value));
            }
        }
        generator.writeEndObject();
    }

    /**
     * Puts the column values of the plain types directly: {@code valueToTree} looks up a serializer and fills a token
     * buffer for every cell, which was the top entry of a profile of writing 100 000 rows (ExtensionCostBenchmark,
     * docs/experiments.md).
     */
    private void put(ObjectNode node, String name, Object value) {
        if (value == null) {
            node.putNull(name);
        } else if (value instanceof String text) {
            node.put(name, text);
        } else if (value instanceof Long number) {
            node.put(name, number);
        } else if (value instanceof Integer number) {
            node.put(name, number);
        } else if (value instanceof Boolean flag) {
            node.put(name, flag);
        } else {
            node.set(name, mapper.valueToTree(value));
        }
    }

    /** The row that {@link #toJson(InvocationRow)} made {@code node} of. */
    InvocationRow fromJson(JsonNode node) {
        return new InvocationRow(text(node, "test"), text(node, "function"), text(node, "action"),
                text(node, "trigger"), text(node, "activationId"), node.path("warmup").booleanValue(),
                node.path("cold").booleanValue(), text(node, "status"), node.path("success").booleanValue(),
                node.path("clientTimeUs").longValue(), number(node, "providerExecutionUs"),
                number(node, "providerInitUs"), number(node, "providerWaitUs"), number(node, "benchmarkTimeUs"),
                node.hasNonNull("memoryMb") ? node.get("memoryMb").intValue() : null, instant(node, "startedAt"),
                text(node, "deployment"), text(node, "image"), text(node, "benchmark"), text(node, "language"),
                node.path("measurement").isEmpty() ? null : mapper.convertValue(node.get("measurement"),
                        MEASUREMENT),
                new Conditions(text(node, "mode"),
                        node.hasNonNull("concurrency") ? node.get("concurrency").intValue() : null,
                        node.hasNonNull("trial") ? node.get("trial").intValue() : null,
                        instant(node, "scheduledAt"), number(node, "payloadBytes"), number(node, "idleMs")),
                text(node, "rejected"), number(node, "latencyUs"));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).textValue() : null;
    }

    private static Long number(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).longValue() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        return node.hasNonNull(field) ? Instant.parse(node.get(field).textValue()) : null;
    }

    ObjectNode toJson(RunInfo run) {
        ObjectNode node = mapper.createObjectNode();
        node.put("target", run.target());
        node.put("apiHost", run.apiHost());
        ObjectNode environment = node.putObject("environment");
        run.environment().forEach(environment::put);
        Calibration calibration = run.calibration();
        if (calibration == null) {
            node.putNull("calibration");
        } else {
            ObjectNode part = node.putObject("calibration");
            part.put("noOpActionP50Us", calibration.noOpActionP50Us());
            part.put("httpEchoP50Us", calibration.httpEchoP50Us());
            part.put("n", calibration.n());
            part.put("method", calibration.method());
        }
        return node;
    }
}
