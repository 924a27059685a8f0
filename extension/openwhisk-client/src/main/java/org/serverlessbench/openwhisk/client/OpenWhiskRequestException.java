package org.serverlessbench.openwhisk.client;

/** HTTP 400, 413 or another 4xx: the request itself was refused (bad value, too large). */
public class OpenWhiskRequestException extends OpenWhiskException {

    public OpenWhiskRequestException(String message, int statusCode, String errorMessage, String errorCode,
            String operation, String entity, Throwable cause) {
        super(message, statusCode, errorMessage, errorCode, operation, entity, cause);
    }
}
