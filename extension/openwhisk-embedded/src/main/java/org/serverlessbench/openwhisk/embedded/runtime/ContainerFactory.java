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

    /** Kills every container this factory started that is still running. */
    @Override
    void close();
}
