package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code parameters} and {@code annotations} arrays ({@code [{key, value}]}) from PUT bodies. */
final class KeyValues {
    private KeyValues() {
    }

    /**
     * A validated copy of the field, or {@code null} when the body leaves it out; a repeated key keeps its last value.
     */
    static ArrayNode read(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiException.malformedContent("'" + field + "' must be an array of {key, value} objects");
        }
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        for (JsonNode pair : value) {
            if (!pair.isObject() || !pair.path("key").isTextual()) {
                throw ApiException.malformedContent(
                        "every element of '" + field + "' must be an object with a string 'key', got " + pair);
            }
            String key = pair.get("key").textValue();
            ObjectNode clean = Json.object().put("key", key);
            clean.set("value", pair.hasNonNull("value") ? pair.get("value") : Json.NODES.nullNode());
            if (pair.path("init").asBoolean(false)) {
                clean.put("init", true);
            }
            byKey.put(key, clean);
        }
        ArrayNode copy = Json.array();
        byKey.values().forEach(copy::add);
        return copy;
    }

    /** The body's {@code parameters}, as {@link #read}, refused with 413 when larger than the payload limit. */
    static ArrayNode readParameters(JsonNode body) {
        ArrayNode parameters = read(body, "parameters");
        if (size(parameters) > ControllerConfig.MAX_PAYLOAD_BYTES) {
            throw new ApiException(413, Messages.entityTooBig("parameters", size(parameters),
                    ControllerConfig.MAX_PAYLOAD_BYTES));
        }
        return parameters;
    }

    static long size(ArrayNode pairs) {
        return pairs == null ? 0 : Json.bytes(pairs).length;
    }
}
