package org.serverlessbench.openwhisk.client;

/**
 * OpenWhisk refused or failed a request. Subclasses tell the common cases apart; {@link #statusCode()} is 0 when no
 * HTTP answer came. Messages never contain the auth key.
 */
public class OpenWhiskException extends RuntimeException {

    private final int statusCode;
    private final String errorMessage;
    private final String errorCode;
    private final String operation;
    private final String entity;

    /**
     * @param message      the full, human-readable message
     * @param statusCode   HTTP status, 0 when there was none
     * @param errorMessage OpenWhisk's {@code error} text, or the raw body; null when none
     * @param errorCode    OpenWhisk's {@code code} (the transaction id); null when none
     * @param operation    what the client was doing, for example {@code invoke action}
     * @param entity       the action, package or activation id concerned; null for collection requests
     */
    public OpenWhiskException(String message, int statusCode, String errorMessage, String errorCode,
            String operation, String entity, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.errorMessage = errorMessage;
        this.errorCode = errorCode;
        this.operation = operation;
        this.entity = entity;
    }

    public int statusCode() {
        return statusCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public String errorCode() {
        return errorCode;
    }

    public String operation() {
        return operation;
    }

    public String entity() {
        return entity;
    }
}
