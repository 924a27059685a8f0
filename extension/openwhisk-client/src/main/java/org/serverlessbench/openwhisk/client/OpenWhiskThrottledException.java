package org.serverlessbench.openwhisk.client;

/** HTTP 429: too many requests, still refused after the configured number of tries. */
public class OpenWhiskThrottledException extends OpenWhiskException {

    public OpenWhiskThrottledException(String message, int statusCode, String errorMessage, String errorCode,
            String operation, String entity, Throwable cause) {
        super(message, statusCode, errorMessage, errorCode, operation, entity, cause);
    }
}
