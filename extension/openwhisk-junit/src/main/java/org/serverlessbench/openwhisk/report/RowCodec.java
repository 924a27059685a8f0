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
