package org.serverlessbench.openwhisk.client;

/** HTTP 401 or 403: the auth key is wrong or may not access the resource. */
public class OpenWhiskAuthenticationException extends OpenWhiskException {

    public OpenWhiskAuthenticationException(String message, int statusCode, String errorMessage, String errorCode,
            String operation, String entity, Throwable cause) {
        super(message, statusCode, errorMessage, errorCode, operation, entity, cause);
    }
}
