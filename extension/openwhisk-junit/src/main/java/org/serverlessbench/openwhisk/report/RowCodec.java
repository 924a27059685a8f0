package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Converts rows and run descriptions to JSON trees, with the field names of {@link InvocationColumns}. */
final class RowCodec {

    private final ObjectMapper mapper;

    RowCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode toJson(InvocationRow row) {
        ObjectNode node = mapper.createObjectNode();
        for (InvocationColumns.Column column : InvocationColumns.ALL) {
            put(node, column.name(), column.value().apply(row));
        }
        return node;
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
