package org.serverlessbench.openwhisk.embedded;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading activation records in tests. */
final class Records {
    private Records() {
    }

    static JsonNode annotation(JsonNode record, String key) {
        for (JsonNode pair : record.path("annotations")) {
            if (pair.path("key").asText().equals(key)) {
                return pair.path("value");
            }
        }
        return null;
    }

    static boolean cold(JsonNode record) {
        return annotation(record, "initTime") != null;
    }

    static String status(JsonNode record) {
        return record.path("response").path("status").asText();
    }
}
