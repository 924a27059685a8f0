package org.serverlessbench.openwhisk.embedded.invoker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The outcome of one activation, as OpenWhisk's {@code ActivationResponse}.
 *
 * @param statusCode 0 success, 1 application error, 2 action developer error, 3 whisk internal error
 * @param result     the action's result, or {@code {"error": ...}}
 * @param size       length of the runtime's answer in characters, or {@code null} when there was none
 */
record ActivationResult(int statusCode, JsonNode result, Integer size) {

    static final int SUCCESS = 0;
    static final int APPLICATION_ERROR = 1;
    static final int DEVELOPER_ERROR = 2;
    static final int WHISK_ERROR = 3;

    static ActivationResult success(JsonNode result, int size) {
        return new ActivationResult(SUCCESS, result, size);
    }

    static ActivationResult applicationError(JsonNode error, Integer size) {
        return new ActivationResult(APPLICATION_ERROR, errorObject(error), size);
    }

    static ActivationResult developerError(JsonNode error, Integer size) {
        return new ActivationResult(DEVELOPER_ERROR, errorObject(error), size);
    }

    static ActivationResult developerError(String message) {
        return developerError(Json.NODES.textNode(message), null);
    }

    static ActivationResult whiskError(String message) {
        return new ActivationResult(WHISK_ERROR, errorObject(Json.NODES.textNode(message)), null);
    }

    private static ObjectNode errorObject(JsonNode error) {
        ObjectNode node = Json.NODES.objectNode();
        node.set("error", error);
        return node;
    }

    boolean isSuccess() {
        return statusCode == SUCCESS;
    }

    /** After a developer or internal error the container is destroyed; the next activation starts cold. */
    boolean destroysContainer() {
        return statusCode == DEVELOPER_ERROR || statusCode == WHISK_ERROR;
    }

    String status() {
        return switch (statusCode) {
            case SUCCESS -> "success";
            case APPLICATION_ERROR -> "application error";
            case DEVELOPER_ERROR -> "action developer error";
            default -> "whisk internal error";
        };
    }

    /** The API view: {@code statusCode} replaced by {@code status} and {@code success}. */
    ObjectNode toJson() {
        ObjectNode node = Json.NODES.objectNode();
        node.put("status", status());
        node.put("success", isSuccess());
        node.set("result", result);
        if (size != null) {
            node.put("size", size);
        }
        return node;
    }
}
