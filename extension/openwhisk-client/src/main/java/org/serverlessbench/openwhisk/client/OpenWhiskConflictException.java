package org.serverlessbench.openwhisk.client;

/** HTTP 409: the entity already exists (create without overwrite) or is in use. */
public class OpenWhiskConflictException extends OpenWhiskException {

    public OpenWhiskConflictException(String message, int statusCode, String errorMessage, String errorCode,
            String operation, String entity, Throwable cause) {
        super(message, statusCode, errorMessage, errorCode, operation, entity, cause);
    }
}
