package org.serverlessbench.openwhisk.junit;

/**
 * The JUnit configuration parameters the extension reads (from {@code junit-platform.properties}, system properties
 * or the launcher). See {@code docs/configuration.md}.
 */
public final class ConfigurationKeys {

    /** {@code embedded} (default) starts one embedded OpenWhisk per test run; {@code remote} uses the client config. */
    public static final String TARGET = "openwhisk.target";

    /** Prefix of every action name; default {@code owj-<6 hex digits>-}, new for every run. */
    public static final String PREFIX = "openwhisk.prefix";

    /** {@code always} (default), {@code on-success} (keep the actions of failed tests) or {@code never}. */
    public static final String CLEANUP = "openwhisk.cleanup";

    /** The trigger injected for a plain {@link Trigger} parameter: {@code library} (default) or {@code http}. */
    public static final String TRIGGER = "openwhisk.trigger";

    /** Where the results files go; default {@code target/openwhisk-results}. */
    public static final String RESULTS_DIR = "openwhisk.results.dir";

    /** How many runs the results directory keeps (default 20); older run folders are deleted. */
    public static final String RESULTS_KEEP = "openwhisk.results.keep";

    /** The run to compare with: a run id (a folder name in the results directory) or {@code previous}. */
    public static final String BASELINE = "openwhisk.baseline";

    /** {@code regression} fails tests whose group regressed against the baseline; default {@code none}. */
    public static final String BASELINE_FAIL_ON = "openwhisk.baseline.failOn";

    /** The relative change of a group's median that counts as a regression or improvement; default {@code 0.10}. */
    public static final String BASELINE_MIN_CHANGE = "openwhisk.baseline.minChange";

    /**
     * {@code true} (default) measures the run's floor once at its start (a no-op action and an HTTP echo on
     * 127.0.0.1, recorded as {@code run.calibration}); {@code false} skips it.
     */
    public static final String CALIBRATION = "openwhisk.calibration";

    /** How many calls the self-calibration measures for each figure; default 20, at most 10 000. */
    public static final String CALIBRATION_CALLS = "openwhisk.calibration.calls";

    /**
     * How long a warm container of the embedded target may stay idle before it is removed, a number and a unit
     * ({@code ms}, {@code s}, {@code min}); default 10 min. Short values make {@link IdleTimes} maps quick.
     */
    public static final String EMBEDDED_IDLE_TIMEOUT = "openwhisk.embedded.idleTimeout";

    /**
     * The niceness of the embedded target's action runtime processes, 0 (default, the JVM's CPU priority) to 19 (the
     * lowest): with a higher value the JVM's threads, such as a {@link Load} test's callers, get a CPU first.
     */
    public static final String EMBEDDED_RUNTIME_NICENESS = "openwhisk.embedded.runtimeNiceness";

    /** API host of a remote target, read by the client; also {@code APIHOST} in {@code ~/.wskprops}. */
    public static final String API_HOST = "openwhisk.apihost";

    /** Auth key of a remote target, read by the client; also {@code AUTH} in {@code ~/.wskprops}. */
    public static final String AUTH = "openwhisk.auth";

    /** Namespace of a remote target, read by the client; default {@code _}. */
    public static final String NAMESPACE = "openwhisk.namespace";

    /** Skip TLS verification of a remote target, read by the client. */
    public static final String INSECURE = "openwhisk.insecure";

    public static final String DEFAULT_RESULTS_DIR = "target/openwhisk-results";

    private ConfigurationKeys() {
    }
}
