package org.serverlessbench.openwhisk.junit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code "key=value"} entries of annotation attributes; a value that is valid JSON becomes that JSON value. */
final class KeyValueParser {

    private KeyValueParser() {
    }

    /**
     * @param attribute the attribute the entries come from, for error messages
     * @param problems  where to add what is wrong with an entry
     */
    static Map<String, Object> parse(String[] entries, String attribute, List<String> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            String key = equals < 0 ? "" : entry.substring(0, equals).strip();
            if (key.isEmpty()) {
                problems.add("attribute '" + attribute + "' has the entry \"" + entry
                        + "\", but entries must look like \"key=value\" with a non-empty key");
                continue;
            }
            if (values.containsKey(key)) {
                problems.add("attribute '" + attribute + "' sets the key '" + key + "' twice");
                continue;
            }
            values.put(key, JsonCodec.valueOrText(entry.substring(equals + 1).strip()));
        }
        return values;
    }
}
