package org.serverlessbench.openwhisk.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One invocation as it appears in {@code results.json} and {@code results.csv}.
 *
 * <p>Times are microseconds, as the {@code Us} suffixes say. Provider times, benchmark time and memory are
 * {@code null} when the activation record or the function's result did not carry them.
 *
 * @param test the test that made the invocation ({@code Class#method})
 * @param function the function's name as declared in {@code @OpenWhiskFunction(name = ...)}
 * @param action the deployed action's name, with the run's prefix
 * @param trigger {@code library} or {@code http}
 * @param activationId the OpenWhisk activation id; {@code null} when the platform returned none
 * @param warmup whether this was a {@code @Warmup} invocation, left out of the statistics
 * @param cold whether the activation started a new container
 * @param status the activation's status: {@code success}, {@code application error}, {@code action developer error}
 *     or {@code whisk internal error}
 * @param success whether the activation succeeded
 * @param clientTimeUs time from sending the request to receiving the answer, measured by the test JVM
 * @param providerExecutionUs the activation record's {@code duration}
 * @param providerInitUs the activation record's {@code initTime} annotation (cold activations only)
 * @param providerWaitUs the activation record's {@code waitTime} annotation
 * @param benchmarkTimeUs {@code end - begin} as reported by the function itself
 * @param memoryMb the action's memory limit
 * @param startedAt wall-clock time at which the client sent the request
 * @param deployment {@code code} for a code action, {@code image} for a Docker-image (blackbox) action
 * @param image the action's Docker image reference, or {@code null} for a code action
 * @param benchmark the SeBS benchmark the function implements (e.g. {@code 311.compression}), or {@code null}
 * @param language the function's language ({@code nodejs}, {@code python}, {@code java}, ...), or {@code null}
 * @param measurement the {@code measurement} object of the function's result (SeBS's {@code download_time},
 *     {@code compute_time}, ... in µs, sizes in bytes), empty when the result had none
 * @param conditions the experiment conditions of the invocation
 * @param rejected why an experiment mode rejected this sample ({@link #REJECTED_WARM_IN_COLD_MODE},
 *     {@link #REJECTED_COLD_IN_WARM_MODE}), or {@code null} when it is kept; rejected samples stay in the results
 *     and are left out of the statistics
 * @param latencyUs in an open-loop run ({@code @Load}), the time from the scheduled start of the test body's run to
 *     the answer of this invocation: the client time plus any wait for a free caller or for the body's earlier
 *     calls, so that a stall of the platform shows in full (no coordinated omission); {@code null} otherwise
 */
public record InvocationRow(
        String test,
        String function,
        String action,
        String trigger,
        String activationId,
        boolean warmup,
        boolean cold,
        String status,
        boolean success,
        long clientTimeUs,
        Long providerExecutionUs,
        Long providerInitUs,
        Long providerWaitUs,
        Long benchmarkTimeUs,
        Integer memoryMb,
        Instant startedAt,
        String deployment,
        String image,
        String benchmark,
        String language,
        Map<String, Object> measurement,
        Conditions conditions,
        String rejected,
        Long latencyUs) {

    /** {@link #deployment()} of a code action. */
    public static final String CODE = "code";
    /** {@link #deployment()} of a Docker-image action. */
    public static final String IMAGE = "image";
    /** {@link #rejected()} of a warm sample in {@code cold} mode. */
    public static final String REJECTED_WARM_IN_COLD_MODE = "warm in cold mode";
    /** {@link #rejected()} of a cold sample in {@code warm} mode. */
    public static final String REJECTED_COLD_IN_WARM_MODE = "cold in warm mode";

    /** A row that no experiment mode rejected, outside of an open-loop run. */
    public InvocationRow(String test, String function, String action, String trigger, String activationId,
            boolean warmup, boolean cold, String status, boolean success, long clientTimeUs, Long providerExecutionUs,
            Long providerInitUs, Long providerWaitUs, Long benchmarkTimeUs, Integer memoryMb, Instant startedAt,
            String deployment, String image, String benchmark, String language, Map<String, Object> measurement,
            Conditions conditions) {
        this(test, function, action, trigger, activationId, warmup, cold, status, success, clientTimeUs,
                providerExecutionUs, providerInitUs, providerWaitUs, benchmarkTimeUs, memoryMb, startedAt, deployment,
                image, benchmark, language, measurement, conditions, null, null);
    }

    /** A row outside of an open-loop run, {@code rejected} or not by its experiment mode. */
    public InvocationRow(String test, String function, String action, String trigger, String activationId,
            boolean warmup, boolean cold, String status, boolean success, long clientTimeUs, Long providerExecutionUs,
            Long providerInitUs, Long providerWaitUs, Long benchmarkTimeUs, Integer memoryMb, Instant startedAt,
            String deployment, String image, String benchmark, String language, Map<String, Object> measurement,
            Conditions conditions, String rejected) {
        this(test, function, action, trigger, activationId, warmup, cold, status, success, clientTimeUs,
                providerExecutionUs, providerInitUs, providerWaitUs, benchmarkTimeUs, memoryMb, startedAt, deployment,
                image, benchmark, language, measurement, conditions, rejected, null);
    }

    /** A row of a code action. */
    public InvocationRow(String test, String function, String action, String trigger, String activationId,
            boolean warmup, boolean cold, String status, boolean success, long clientTimeUs, Long providerExecutionUs,
            Long providerInitUs, Long providerWaitUs, Long benchmarkTimeUs, Integer memoryMb, Instant startedAt) {
        this(test, function, action, trigger, activationId, warmup, cold, status, success, clientTimeUs,
                providerExecutionUs, providerInitUs, providerWaitUs, benchmarkTimeUs, memoryMb, startedAt, CODE, null);
    }

    /** A row without benchmark, language, measurement or conditions. */
    public InvocationRow(String test, String function, String action, String trigger, String activationId,
            boolean warmup, boolean cold, String status, boolean success, long clientTimeUs, Long providerExecutionUs,
            Long providerInitUs, Long providerWaitUs, Long benchmarkTimeUs, Integer memoryMb, Instant startedAt,
            String deployment, String image) {
        this(test, function, action, trigger, activationId, warmup, cold, status, success, clientTimeUs,
                providerExecutionUs, providerInitUs, providerWaitUs, benchmarkTimeUs, memoryMb, startedAt, deployment,
                image, null, null, Map.of(), Conditions.NONE);
    }

    /** Whether this row counts in the statistics: neither a warm-up nor rejected by an experiment mode. */
    public boolean inStatistics() {
        return !warmup && rejected == null;
    }

    /** This row with {@code value} as its conditions. */
    public InvocationRow withConditions(Conditions value) {
        return new InvocationRow(test, function, action, trigger, activationId, warmup, cold, status, success,
                clientTimeUs, providerExecutionUs, providerInitUs, providerWaitUs, benchmarkTimeUs, memoryMb,
                startedAt, deployment, image, benchmark, language, measurement, value, rejected, latencyUs);
    }

    public InvocationRow {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(deployment, "deployment");
        measurement = measurement == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(measurement));
        conditions = conditions == null ? Conditions.NONE : conditions;
        if (clientTimeUs < 0) {
            throw new IllegalArgumentException("clientTimeUs must not be negative, was " + clientTimeUs);
        }
        if (latencyUs != null && latencyUs < 0) {
            throw new IllegalArgumentException("latencyUs must not be negative, was " + latencyUs);
        }
    }
}
