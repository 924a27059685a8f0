package org.serverlessbench.openwhisk.junit;

/**
 * The keys of the report entries published after each test that invoked a function. They are stable: tools may rely
 * on them. Times are in microseconds. Warm-up invocations are never counted.
 *
 * <p>A test with exactly one measured invocation gets {@link #FUNCTION}, {@link #ACTIVATION_ID}, {@link #COLD},
 * {@link #STATUS}, {@link #CLIENT_TIME_US} and, when the activation record has them, {@link #PROVIDER_EXECUTION_US},
 * {@link #PROVIDER_INIT_US} (cold starts only), {@link #PROVIDER_WAIT_US}. A test with several gets
 * {@link #FUNCTION} (comma-separated when several functions), {@link #COUNT}, {@link #COLD_COUNT},
 * {@link #FAILED_COUNT} and the {@code .p50}, {@code .p95} and {@code .max} of the client time and of each provider
 * time that at least one record had. A {@link Load} test also gets the {@code openwhisk.load.*} entries of its
 * schedule (see {@code docs/experiments.md}).
 */
public final class ReportKeys {

    public static final String FUNCTION = "openwhisk.function";
    public static final String ACTIVATION_ID = "openwhisk.activationId";
    public static final String COLD = "openwhisk.cold";
    public static final String STATUS = "openwhisk.status";
    public static final String CLIENT_TIME_US = "openwhisk.clientTimeUs";
    public static final String PROVIDER_EXECUTION_US = "openwhisk.providerExecutionUs";
    public static final String PROVIDER_INIT_US = "openwhisk.providerInitUs";
    public static final String PROVIDER_WAIT_US = "openwhisk.providerWaitUs";

    public static final String COUNT = "openwhisk.count";
    public static final String COLD_COUNT = "openwhisk.coldCount";
    public static final String FAILED_COUNT = "openwhisk.failedCount";

    /** {@link Samples}: how many times the body ran in this run of the test. */
    public static final String SAMPLES = "openwhisk.samples";
    /**
     * {@link Samples}: why sampling stopped: {@code count} (a fixed count), {@code ci} (the median's interval was
     * narrow enough) or {@code max} (the most runs were reached first).
     */
    public static final String SAMPLES_STOPPED_BY = "openwhisk.samples.stoppedBy";
    /** {@link Samples} adaptive: the relative half-width of the median's 95 % interval when sampling stopped. */
    public static final String SAMPLES_RELATIVE_CI = "openwhisk.samples.relativeCi";
    /** {@link Mode}: samples recorded as rejected (cold in warm mode, warm in cold mode) in this run. */
    public static final String REJECTED_COUNT = "openwhisk.rejectedCount";
    /**
     * {@link PayloadSizes}: the clock correction applied to the function's receive times: {@code none} (embedded
     * target, one clock) or {@code min-rtt} (remote target, offset estimated by the least round trip).
     */
    public static final String CLOCK_CORRECTION = "openwhisk.clockCorrection";
    /** {@link PayloadSizes} on a remote target: the function's clock minus the client's, in milliseconds. */
    public static final String CLOCK_OFFSET_MS = "openwhisk.clockOffsetMs";
    /** {@link PayloadSizes} on a remote target: the round trip of the exchange the offset came from, in ms. */
    public static final String CLOCK_RTT_MS = "openwhisk.clockRttMs";
    /** {@code @Load}: the arrivals of the schedule. */
    public static final String LOAD_SCHEDULED = "openwhisk.load.scheduled";
    /** {@code @Load}: the arrivals whose run started. */
    public static final String LOAD_STARTED = "openwhisk.load.started";
    /** {@code @Load}: the arrivals dropped because no caller was free (they fail the test). */
    public static final String LOAD_DROPPED = "openwhisk.load.dropped";
    /** {@code @Load}: arrivals per second of the schedule, between its first and last arrival. */
    public static final String LOAD_SCHEDULED_RATE = "openwhisk.load.scheduledRate";
    /** {@code @Load}: started runs per second, between the first and the last actual start. */
    public static final String LOAD_ACHIEVED_RATE = "openwhisk.load.achievedRate";
    /** {@code @Load}: actual start minus scheduled start of the runs, in µs, with {@link #P50}, {@link #P99}, ... */
    public static final String LOAD_LAG_US = "openwhisk.load.lagUs";

    public static final String P50 = ".p50";
    public static final String P95 = ".p95";
    public static final String P99 = ".p99";
    public static final String MAX = ".max";

    private ReportKeys() {
    }
}
