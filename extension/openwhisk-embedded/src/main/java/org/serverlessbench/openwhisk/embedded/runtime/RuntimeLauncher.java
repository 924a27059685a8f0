package org.serverlessbench.openwhisk.embedded.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Knows how to start the runtime process of one kind on this machine. */
interface RuntimeLauncher {

    /** The kind, such as {@code nodejs:20}. */
    String kind();

    /** Why the program is missing or unusable here; empty when it can start. */
    Optional<String> unavailableReason();

    /** The command line of a runtime process; only called when {@link #unavailableReason()} is empty. */
    List<String> command(LaunchSpec spec);

    /** Variables this runtime sets by default; the environment given to {@code create} overrides them. */
    default Map<String, String> defaultEnvironment() {
        return Map.of();
    }
}
