package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One HTTP answer: status, content type (or {@code null} for no entity), body, and extra headers in order.
 *
 * @param headers name/value pairs; a name may repeat
 */
record Reply(int status, String contentType, byte[] body, List<Map.Entry<String, String>> headers)
        implements Answer {
    static final String JSON = "application/json";
    private static final byte[] EMPTY = new byte[0];

    static Reply json(int status, JsonNode node) {
        return new Reply(status, JSON, Json.bytes(node), List.of());
    }

    static Reply text(int status, String contentType, String text) {
        return new Reply(status, contentType, text.getBytes(StandardCharsets.UTF_8), List.of());
    }

    static Reply empty(int status) {
        return new Reply(status, null, EMPTY, List.of());
    }

    static Reply error(int status, String message, String transactionId) {
        return json(status, Json.object().put("error", message).put("code", transactionId));
    }

    Reply withHeader(String name, String value) {
        var all = new java.util.ArrayList<>(headers);
        all.add(Map.entry(name, value));
        return new Reply(status, contentType, body, List.copyOf(all));
    }

    @Override
    public Reply withHeaders(List<Map.Entry<String, String>> more) {
        if (more.isEmpty()) {
            return this;
        }
        var all = new java.util.ArrayList<>(headers);
        all.addAll(more);
        return new Reply(status, contentType, body, List.copyOf(all));
    }
}
