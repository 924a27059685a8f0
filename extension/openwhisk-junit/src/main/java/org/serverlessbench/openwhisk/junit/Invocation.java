package org.serverlessbench.openwhisk.junit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.serverlessbench.openwhisk.client.Activation;

/**
 * One invocation of a function: benchmark data, so a failed activation is an {@code Invocation} with its status, not
 * an exception. Client times come from {@link System#nanoTime()}, provider times from the activation record (all in
 * microseconds). For an {@link HttpTrigger} the record is fetched in the background; the accessors that need it wait
 * for it.
 */
public interface Invocation {

    /** The activation id; null only when the platform refused the request before starting an activation. */
    String activationId();

    /** The function's name as declared in {@link OpenWhiskFunction#name()}. */
    String function();

    /** The action's name on the target. */
    String action();

    TriggerType trigger();

    /** The activation's status; {@link ActivationStatus#SUCCESS} exactly when {@link #success()}. */
    ActivationStatus status();

    boolean success();

    /** The action's result as JSON: a Map, a List, or for an HTTP trigger whatever the body held; may be null. */
    Object result();

    /**
     * The result converted to {@code type} with Jackson: a record or bean with matching property names, a
     * {@code Map}, a {@code String} for a text body. Unknown properties are ignored.
     *
     * @throws IllegalArgumentException naming the activation when the result does not fit {@code type}
     */
    <T> T result(Class<T> type);

    /**
     * The result as a JSON object.
     *
     * @throws IllegalStateException naming the activation when the result is not a JSON object
     */
    Map<String, Object> resultMap();

    /** Wall-clock time the client sent the request. */
    Instant clientBegin();

    /** Round trip as the client saw it, in microseconds. */
    long clientTimeUs();

    /** The record's {@code duration}: the run, plus {@code /init} on a cold start, in microseconds. */
    OptionalLong providerExecutionUs();

    /** Time the runtime spent in {@code /init}; present only on a cold start, in microseconds. */
    OptionalLong providerInitUs();

    /** Time from the controller receiving the request to {@code /init} or {@code /run}, in microseconds. */
    OptionalLong providerWaitUs();

    /** True when the record has an {@code initTime} or the result reports {@code is_cold: true} (SeBS wrappers). */
    boolean cold();

    /** {@code end − begin} from a SeBS-style result (seconds as numbers or {@code "sec.micros"}), in microseconds. */
    OptionalLong benchmarkTimeUs();

    /** The action's memory limit when it ran, from the record. */
    OptionalInt memoryMb();

    /** True for the invocations made by {@link Warmup}. */
    boolean warmup();

    /** The activation record, when there is one. */
    Optional<Activation> activation();

    /** The activation's log lines, fetched from the target on first call. */
    List<String> logs();

    /**
     * Fails unless the activation succeeded, showing status, activation id, result and the last 20 lines of the
     * activation's logs (where an init error such as a Python {@code SyntaxError} shows up).
     */
    Invocation assertSuccess();

    /** Fails unless the activation was a cold start. */
    Invocation assertCold();

    /** Fails unless the activation ran in a warm container. */
    Invocation assertWarm();
}
