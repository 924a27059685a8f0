package org.serverlessbench.openwhisk.client;

import java.time.Duration;
import java.util.Map;

/**
 * Reads an invoke answer the way OpenWhisk means it: 200 success, 202 still running, 502 and 500 a failed
 * activation (data, not an exception), an array result bare; everything else is an {@link OpenWhiskException}.
 */
final class InvokeInterpreter {

    /**
     * The longest a blocking invoke waits on the server, and its default ({@code max-wait-for-blocking-activation}).
     */
    static final Duration SERVER_MAX_BLOCKING_WAIT = Duration.ofSeconds(60);
    static final Duration BLOCKING_READ_MARGIN = Duration.ofSeconds(10);

    private final JsonCodec json;
    private final ErrorTranslator errors;

    InvokeInterpreter(JsonCodec json, ErrorTranslator errors) {
        this.json = json;
        this.errors = errors;
    }

    InvokeResult interpret(Operation operation, HttpAnswer answer, InvokeOptions options) {
        int status = answer.status();
        try {
            if (status == 202) {
                return accepted(operation, answer);
            }
            if (status == 200 || status == 500 || status == 502) {
                InvokeResult result = completed(answer, options);
                if (result != null) {
                    return result;
                }
            }
        } catch (JsonCodec.MalformedJsonException e) {
            if (status == 200 || status == 202) {
                throw errors.malformedAnswer(operation, answer, e.getMessage());
            }
        }
        throw errors.refused(operation, answer);
    }

    private InvokeResult accepted(Operation operation, HttpAnswer answer) throws JsonCodec.MalformedJsonException {
        String activationId = answer.activationIdHeader();
        if (answer.body().length > 0 && json.readValue(answer.body()) instanceof Map<?, ?> map
                && map.get("activationId") instanceof String id) {
            activationId = id;
        }
        if (activationId == null) {
            throw errors.malformedAnswer(operation, answer, "HTTP 202 without an activationId");
        }
        return new InvokeResult(202, activationId, null, null);
    }

    /** The result of a finished activation, or null when a 500/502 body is a plain error and not activation data. */
    private InvokeResult completed(HttpAnswer answer, InvokeOptions options) throws JsonCodec.MalformedJsonException {
        int status = answer.status();
        String headerId = answer.activationIdHeader();
        byte[] body = answer.body();
        if (!options.result() && startsWith(body, '{')) {
            Activation activation = json.read(body, Activation.class);
            if (activation.activationId() != null) {
                Object result = activation.response() == null ? null : activation.response().result();
                return new InvokeResult(status, activation.activationId(), activation, result);
            }
        }
        if (headerId == null && status != 200) {
            // No record and no activation id: an error about the request, not about an activation.
            return null;
        }
        Object value = body.length == 0 ? null : json.readValue(body);
        return new InvokeResult(status, headerId, null, value);
    }

    private static boolean startsWith(byte[] body, char expected) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == expected;
            }
        }
        return false;
    }
}
