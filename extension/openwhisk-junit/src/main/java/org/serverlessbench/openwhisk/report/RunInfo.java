package org.serverlessbench.openwhisk.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a run ran against: the target ({@code embedded} or {@code remote}), the API host and a description of the
 * machine ({@code java}, {@code os}, {@code cores}, {@code maxHeapMb}; for the embedded target also {@code node} and
 * {@code python}).
 */
public record RunInfo(String target, String apiHost, Map<String, String> environment) {

    public RunInfo {
        Objects.requireNonNull(target, "target");
        environment = environment == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /**
     * A run on {@code target} at {@code apiHost}, with the environment of this JVM's machine; for the embedded target
     * this includes the versions of {@code node} and {@code python3} on the {@code PATH} (each probed once, at most
     * 5 s).
     */
    public static RunInfo describe(String target, String apiHost) {
        return new RunInfo(target, apiHost, RunEnvironment.describe("embedded".equals(target)));
    }
}
