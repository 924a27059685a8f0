package org.serverlessbench.openwhisk.client;

/** HTTP 404: the action, package or activation does not exist. */
public class OpenWhiskNotFoundException extends OpenWhiskException {

    public OpenWhiskNotFoundException(String message, int statusCode, String errorMessage, String errorCode,
            String operation, String entity, Throwable cause) {
        super(message, statusCode, errorMessage, errorCode, operation, entity, cause);
    }
}
