package org.serverlessbench.openwhisk.client;

/** The client cannot be built: a value is missing or malformed. The message names the source of the value. */
public class OpenWhiskConfigurationException extends RuntimeException {

    public OpenWhiskConfigurationException(String message) {
        super(message);
    }

    public OpenWhiskConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
