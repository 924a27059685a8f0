package org.serverlessbench.openwhisk.embedded.invoker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.serverlessbench.openwhisk.embedded.runtime.RuntimeResponse;

/** Turns what a runtime answered to {@code /init} and {@code /run} into an {@link ActivationResult}, as §4 says. */
final class RuntimeAnswers {
    /** {@code whisk.activation.payload.max}: a larger answer is truncated to this many bytes. */
    static final int MAX_RESULT_BYTES = 1024 * 1024;

    private RuntimeAnswers() {
    }

    /** The result of a failed {@code /init} (any status but 200). */
    static ActivationResult failedInit(RuntimeResponse answer) {
        String body = answer.body() == null ? "" : answer.body();
        long bytes = utf8LengthIfOver(body);
        if (bytes > MAX_RESULT_BYTES) {
            return ActivationResult.developerError(
                    Json.NODES.textNode(ActivationMessages.truncatedResponse(trunk(body), bytes, MAX_RESULT_BYTES)),
                    (int) bytes);
        }
        JsonNode parsed = parse(body);
        if (parsed != null && parsed.isObject()) {
            JsonNode error = parsed.get("error");
            return ActivationResult.developerError(
                    error != null ? error : Json.NODES.textNode(ActivationMessages.invalidInitResponse(body)),
                    body.length());
        }
        return ActivationResult.developerError(
                Json.NODES.textNode(ActivationMessages.invalidInitResponse(body)), body.length());
    }

    /** The result of a {@code /run} that answered in time. */
    static ActivationResult run(RuntimeResponse answer) {
        String body = answer.body() == null ? "" : answer.body();
        long bytes = utf8LengthIfOver(body);
        if (bytes > MAX_RESULT_BYTES) {
            return ActivationResult.applicationError(
                    Json.NODES.textNode(ActivationMessages.truncatedResponse(trunk(body), bytes, MAX_RESULT_BYTES)),
                    (int) bytes);
        }
        boolean ok = answer.statusCode() == 200;
        JsonNode parsed = parse(body);
        if (parsed != null && parsed.isObject()) {
            JsonNode error = parsed.get("error");
            if (ok) {
                return error == null
                        ? ActivationResult.success(parsed, body.length())
                        : ActivationResult.applicationError(error, body.length());
            }
            return ActivationResult.developerError(
                    error != null ? error : Json.NODES.textNode(ActivationMessages.invalidRunResponse(body)),
                    body.length());
        }
        if (parsed != null && parsed.isArray() && ok) {
            return ActivationResult.success(parsed, body.length());
        }
        return ActivationResult.developerError(
                Json.NODES.textNode(ActivationMessages.invalidRunResponse(body)), body.length());
    }

    private static JsonNode parse(String body) {
        if (body.isEmpty()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** The UTF-8 length when the body may exceed the limit; a cheap lower bound otherwise. */
    private static long utf8LengthIfOver(String body) {
        if ((long) body.length() * 3 <= MAX_RESULT_BYTES) {
            return body.length();
        }
        return body.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String trunk(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new String(Arrays.copyOf(bytes, MAX_RESULT_BYTES), StandardCharsets.UTF_8);
    }
}
