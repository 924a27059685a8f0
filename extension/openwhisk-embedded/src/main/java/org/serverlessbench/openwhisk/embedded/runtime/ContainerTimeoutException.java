package org.serverlessbench.openwhisk.embedded.runtime;

/** The runtime did not answer {@code /init} or {@code /run} within the action's time limit. */
public final class ContainerTimeoutException extends Exception {
    public ContainerTimeoutException(String message) {
        super(message);
    }
}
