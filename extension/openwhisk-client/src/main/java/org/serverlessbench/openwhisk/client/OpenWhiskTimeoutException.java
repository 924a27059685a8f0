package org.serverlessbench.openwhisk.client;

/** The activation record did not appear within the time given to awaitActivation. Status code 0. */
public class OpenWhiskTimeoutException extends OpenWhiskException {

    public OpenWhiskTimeoutException(String message, String activationId) {
        super(message, 0, null, null, "await activation", activationId, null);
    }
}
