package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one shared {@link ObjectMapper} of the controller, and the small JSON helpers the handlers share.
 *
 * <p>Numbers pass through as written, as OpenWhisk's spray-json keeps them: decimals as {@code BigDecimal} with their
 * trailing zeros ({@code 1e400} stays {@code 1E+400}, not {@code "Infinity"}; {@code 1.50} stays {@code 1.50}), and
 * integers of any length exact.
 */
final class Json {

    /**
     * Numbers kept exact (decimals as BigDecimal with their trailing zeros), and strings as long as a whole action
     * PUT: Jackson's default of 20 000 000 characters refused action code between that and OpenWhisk's 48 MB limit.
     * The body size checks bound everything else.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength((int) ControllerConfig.MAX_ACTION_PUT_BYTES).build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Parses a request body; {@code null} when it is empty. Malformed JSON is a 400 in OpenWhisk's words. */
    /** A PUT body that must be an object: an empty object when there is no body, 400 for anything else. */
    static JsonNode parseObjectBody(byte[] body) {
        JsonNode node = parseBody(body);
        if (node == null) {
            return object();
        }
        if (!node.isObject()) {
            throw ApiException.malformedContent("Object expected");
        }
        return node;
    }

    static JsonNode parseBody(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            throw ApiException.malformedContent(e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String text(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The value of {@code key} in a {@code [{key, value}]} array, or {@code null}. */
    static JsonNode keyValue(ArrayNode pairs, String key) {
        for (JsonNode pair : pairs) {
            if (key.equals(pair.path("key").asText(null))) {
                return pair.get("value");
            }
        }
        return null;
    }

    /** Sets {@code key} in a {@code [{key, value}]} array, in place when present, appended otherwise. */
    static void putKeyValue(ArrayNode pairs, String key, JsonNode value) {
        for (JsonNode pair : pairs) {
            if (key.equals(pair.path("key").asText(null))) {
                ((ObjectNode) pair).set("value", value);
                return;
            }
        }
        pairs.addObject().put("key", key).set("value", value);
    }

    /** An annotation read as a boolean the way OpenWhisk's {@code getAs[Boolean]} does: only JSON {@code true}. */
    static boolean isTrue(JsonNode value) {
        return value != null && value.isBoolean() && value.booleanValue();
    }

    /** OpenWhisk's {@code Parameters.isTruthy}: booleans as they are, non-zero numbers, non-empty strings. */
    static boolean isTruthy(JsonNode value, boolean whenAbsent) {
        if (value == null) {
            return whenAbsent;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return !value.isNull();
    }
}
