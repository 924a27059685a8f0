package org.serverlessbench.openwhisk.docker;

/** An image could not be built, pushed, pulled or read; the message names the image and what to check. */
public final class DockerImageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DockerImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
