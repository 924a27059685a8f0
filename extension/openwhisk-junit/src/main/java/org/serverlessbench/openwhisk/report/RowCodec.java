package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts rows and run descriptions to and from JSON trees, with the field names of {@link InvocationColumns}. */
final class RowCodec {

    private final ObjectMapper mapper;

    RowCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode toJson(InvocationRow row) {
        ObjectNode node = mapper.createObjectNode();
        for (InvocationColumns.Column column : InvocationColumns.ALL) {
            node.set(column.name(), mapper.valueToTree(column.value().apply(row)));
        }
        return node;
    }

    ObjectNode toJson(RunInfo run) {
        ObjectNode node = mapper.createObjectNode();
        node.put("target", run.target());
        node.put("apiHost", run.apiHost());
        ObjectNode environment = node.putObject("environment");
        run.environment().forEach(environment::put);
        return node;
    }

    /** Reads a row written by {@link #toJson(InvocationRow)}; {@code where} names the source for error messages. */
    InvocationRow rowFrom(JsonNode node, String where) {
        return new InvocationRow(
                requiredText(node, "test", where),
                requiredText(node, "function", where),
                text(node, "action"),
                text(node, "trigger"),
                text(node, "activationId"),
                node.path("warmup").asBoolean(false),
                node.path("cold").asBoolean(false),
                text(node, "status"),
                node.path("success").asBoolean(false),
                node.path("clientTimeUs").asLong(0),
                optionalLong(node, "providerExecutionUs"),
                optionalLong(node, "providerInitUs"),
                optionalLong(node, "providerWaitUs"),
                optionalLong(node, "benchmarkTimeUs"),
                node.hasNonNull("memoryMb") ? node.get("memoryMb").asInt() : null,
                instant(node, where),
                node.hasNonNull("deployment") ? node.get("deployment").asText() : InvocationRow.CODE,
                text(node, "image"));
    }

    RunInfo runFrom(JsonNode node) {
        Map<String, String> environment = new LinkedHashMap<>();
        node.path("environment").properties()
                .forEach(entry -> environment.put(entry.getKey(), entry.getValue().asText()));
        return new RunInfo(node.path("target").asText("unknown"), text(node, "apiHost"), environment);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String requiredText(JsonNode node, String field, String where) {
        if (!node.hasNonNull(field)) {
            throw new IllegalArgumentException("invocation row in " + where + " has no '" + field + "': " + node);
        }
        return node.get(field).asText();
    }

    private static Long optionalLong(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asLong() : null;
    }

    private static Instant instant(JsonNode node, String where) {
        String text = requiredText(node, "startedAt", where);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invocation row in " + where + " has a startedAt that is not an ISO-8601"
                    + " instant: '" + text + "'", e);
        }
    }
}
