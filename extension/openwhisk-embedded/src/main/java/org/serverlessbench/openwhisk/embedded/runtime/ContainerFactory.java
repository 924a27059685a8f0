package org.serverlessbench.openwhisk.embedded.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts action runtimes. The embedded invoker asks it for new (cold or prewarm) containers. */
public interface ContainerFactory extends AutoCloseable {

    /** Kinds this factory knows, such as {@code nodejs:20}, whether or not their program is installed here. */
    List<String> kinds();

    /**
     * Why containers of this kind cannot start on this machine, for example {@code "program 'node' not found on the
     * PATH"}; empty when they can.
     */
    Optional<String> unavailableReason(String kind);

    /**
     * Starts a container for {@code kind} and waits until it accepts connections.
     *
     * @param environment variables for the process, such as {@code __OW_API_HOST}
     * @throws ContainerStartException when the program is missing or the process did not come up
     */
    ActionContainer create(String kind, int memoryMb, Map<String, String> environment) throws ContainerStartException;

    /**
     * Starts a container for an action with a Docker image ({@code exec.image}, as blackbox actions have); a
     * {@code null} image is {@link #create(String, int, Map)}. Factories that run no images refuse an image.
     *
     * @throws ContainerStartException when the image cannot run here
     */
    default ActionContainer create(String kind, String image, int memoryMb, Map<String, String> environment)
            throws ContainerStartException {
        if (image != null) {
            throw new ContainerStartException("Cannot start a container of image " + image + " (kind " + kind
                    + "): this container factory runs local processes, not images; run the embedded OpenWhisk with"
                    + " a Docker container factory (see docs/docker.md)");
        }
        return create(kind, memoryMb, environment);
    }

    /** Kills every container this factory started that is still running. */
    @Override
    void close();
}
