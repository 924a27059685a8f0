package org.serverlessbench.openwhisk.junit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The only place in the extension that touches Jackson: JSON text to plain Java values and back. */
final class JsonCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

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
}
