package org.serverlessbench.openwhisk.junit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The only place in the extension that touches Jackson: JSON text to plain Java values and back. */
final class JsonCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonCodec() {
    }

    /**
     * The plain Java value (Map, List, String, Number, Boolean or null) of {@code text} when it is one complete JSON
     * value, otherwise {@code text} itself as a string.
     */
    static Object valueOrText(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                return text;
            }
            return MAPPER.treeToValue(node, Object.class);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    /** JSON text of a plain Java value, map keys sorted so equal values give equal text. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write as JSON: " + value + " (" + e.getOriginalMessage() + ")",
                    e);
        }
    }

    /**
     * A plain Java value converted to {@code type}.
     *
     * @throws IllegalArgumentException when it does not fit
     */
    static <T> T convert(Object value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }
}
