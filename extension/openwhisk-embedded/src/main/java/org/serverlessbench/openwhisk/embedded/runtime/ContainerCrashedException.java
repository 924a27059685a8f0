package org.serverlessbench.openwhisk.embedded.runtime;

/** The runtime process exited, or dropped the connection, before it answered. */
public final class ContainerCrashedException extends Exception {
    public ContainerCrashedException(String message, Throwable cause) {
        super(message, cause);
    }
}
