package org.serverlessbench.openwhisk.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a run ran against: the target ({@code embedded} or {@code remote}), the API host, a description of the
 * machine ({@code java}, {@code os}, {@code cores}, {@code maxHeapMb}; for the embedded target also {@code node} and
 * {@code python}) and the run's self-calibration ({@code null} when it was switched off).
 */
public record RunInfo(String target, String apiHost, Map<String, String> environment, Calibration calibration) {

    public RunInfo {
        Objects.requireNonNull(target, "target");
        environment = environment == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** A run without calibration. */
    public RunInfo(String target, String apiHost, Map<String, String> environment) {
        this(target, apiHost, environment, null);
    }

    /** This run info with {@code value} as its calibration. */
    public RunInfo withCalibration(Calibration value) {
        return new RunInfo(target, apiHost, environment, value);
    }

    /**
     * A run on {@code target} at {@code apiHost}, with the environment of this JVM's machine; for the embedded target
     * this includes the versions of {@code node} and {@code python3} on the {@code PATH} (each probed once, at most
     * 30 s).
     */
    public static RunInfo describe(String target, String apiHost) {
        return new RunInfo(target, apiHost, RunEnvironment.describe("embedded".equals(target)));
    }
}
