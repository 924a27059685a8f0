package org.serverlessbench.openwhisk.client;

import java.util.List;
import java.util.Optional;

/**
 * One entry of an OpenWhisk {@code parameters} or {@code annotations} array: {@code {"key": ..., "value": ...}}.
 *
 * @param key   the name
 * @param value a plain Java JSON value: Map, List, String, Number, Boolean or null
 */
public record KeyValue(String key, Object value) {

    public KeyValue {
        if (key == null) {
            throw new IllegalArgumentException("KeyValue key == null");
        }
    }

    /** The value of the first entry named {@code key}, empty when there is none or its value is JSON null. */
    static Optional<Object> find(List<KeyValue> entries, String key) {
        for (KeyValue entry : entries) {
            if (entry.key().equals(key)) {
                return Optional.ofNullable(entry.value());
            }
        }
        return Optional.empty();
    }

    static List<KeyValue> copy(List<KeyValue> entries) {
        return entries == null ? List.of() : List.copyOf(entries);
    }
}
