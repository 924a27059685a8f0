package org.serverlessbench.openwhisk.embedded.runtime;

/** A runtime process could not be started; the message names the kind and the reason. */
public final class ContainerStartException extends Exception {
    public ContainerStartException(String message) {
        super(message);
    }

    public ContainerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
