package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads {@code parameters} and {@code annotations} arrays ({@code [{key, value}]}) from PUT bodies. */
final class KeyValues {
    private KeyValues() {
    }

    /** A validated copy of the field, or {@code null} when the body leaves it out. */
    static ArrayNode read(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiException.malformedContent("'" + field + "' must be an array of {key, value} objects");
        }
        ArrayNode copy = Json.array();
        for (JsonNode pair : value) {
            if (!pair.isObject() || !pair.path("key").isTextual()) {
                throw ApiException.malformedContent(
                        "every element of '" + field + "' must be an object with a string 'key', got " + pair);
            }
            ObjectNode clean = copy.addObject().put("key", pair.get("key").textValue());
            clean.set("value", pair.hasNonNull("value") ? pair.get("value") : Json.NODES.nullNode());
            if (pair.path("init").asBoolean(false)) {
                clean.put("init", true);
            }
        }
        return dedupe(copy);
    }

    /** Later pairs win over earlier ones with the same key, as in OpenWhisk's {@code Parameters} map. */
    private static ArrayNode dedupe(ArrayNode pairs) {
        ArrayNode unique = Json.array();
        for (JsonNode pair : pairs) {
            Json.putKeyValue(unique, pair.get("key").textValue(), pair.get("value"));
            if (pair.has("init")) {
                for (JsonNode u : unique) {
                    if (u.get("key").equals(pair.get("key"))) {
                        ((ObjectNode) u).put("init", true);
                    }
                }
            }
        }
        return unique;
    }

    static long size(ArrayNode pairs) {
        return pairs == null ? 0 : Json.bytes(pairs).length;
    }
}
