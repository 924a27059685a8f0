package org.serverlessbench.openwhisk.client;

/** HTTP 500, 503 or another 5xx that is not a failed activation. */
public class OpenWhiskServerException extends OpenWhiskException {

    public OpenWhiskServerException(String message, int statusCode, String errorMessage, String errorCode,
            String operation, String entity, Throwable cause) {
        super(message, statusCode, errorMessage, errorCode, operation, entity, cause);
    }
}
