package org.serverlessbench.openwhisk.junit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;
import org.serverlessbench.openwhisk.client.Activation;
import org.serverlessbench.openwhisk.junit.ActivationStatus;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.TriggerType;

/**
 * A pending handle on an {@link Invocation}: what the client saw is known at once; the rest comes from the
 * activation record, known at once (library trigger) or fetched in the background (HTTP trigger), and is resolved
 * into a {@link ResolvedInvocation} the first time an accessor needs it.
 */
final class DefaultInvocation implements Invocation {

    /** How many of the last log lines a failure message shows. */
    static final int LOG_LINES_IN_FAILURES = 20;

    private final ClientCall call;
    private final boolean warmup;
    private final CompletableFuture<Activation> record;
    private final Duration recordTimeout;
    private final Function<String, List<String>> logSource;
    private volatile ResolvedInvocation resolved;
    private volatile List<String> logs;

    /**
     * @param record    completes with the record, or with null when there is none
     * @param logSource the log lines of an activation id, for records that came without them
     */
    DefaultInvocation(ClientCall call, CompletableFuture<Activation> record, Duration recordTimeout,
            Function<String, List<String>> logSource) {
        this(call, false, record, recordTimeout, logSource);
    }

    private DefaultInvocation(ClientCall call, boolean warmup, CompletableFuture<Activation> record,
            Duration recordTimeout, Function<String, List<String>> logSource) {
        this.call = call;
        this.warmup = warmup;
        this.record = record;
        this.recordTimeout = recordTimeout;
        this.logSource = logSource;
    }

    /** The Docker image of the action, or {@code null} for a code action. */
    String image() {
        return call.image();
    }

    /** The SeBS benchmark of the function, or {@code null}. */
    String benchmark() {
        return call.benchmark();
    }

    /** The function's language, or {@code null}. */
    String language() {
        return call.language();
    }

    /** The {@code measurement} object of the function's result; waits for a record still being fetched. */
    Map<String, Object> measurement() {
        return resolved().measurement();
    }

    /** Whether the invocation is known to be cold without waiting for a record still being fetched. */
    boolean coldKnownNow() {
        return record.isDone() && cold();
    }

    /** The same invocation counted as a warm-up. */
    DefaultInvocation asWarmup() {
        return new DefaultInvocation(call, true, record, recordTimeout, logSource);
    }

    /** The record's outcome; waits for a record still being fetched, at most its time-out. */
    private ResolvedInvocation resolved() {
        ResolvedInvocation known = resolved;
        if (known == null) {
            synchronized (this) {
                if (resolved == null) {
                    resolved = resolve();
                }
                known = resolved;
            }
        }
        return known;
    }

    private ResolvedInvocation resolve() {
        String id = call.activationId();
        try {
            return ResolvedInvocation.of(call, record.get(recordTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS),
                    null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return ResolvedInvocation.of(call, null, "the activation record of " + id + " could not be fetched: "
                    + cause.getMessage());
        } catch (TimeoutException e) {
            return ResolvedInvocation.of(call, null, "the activation record of " + id + " did not arrive within "
                    + recordTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResolvedInvocation.of(call, null, "interrupted while waiting for the activation record of " + id);
        }
    }

    @Override
    public Optional<Activation> activation() {
        return Optional.ofNullable(resolved().activation());
    }

    /** The status as the results files show it: the record's text, {@code http <code>} or why it is unknown. */
    String statusText() {
        return resolved().statusText();
    }

    @Override
    public String activationId() {
        return call.activationId();
    }

    @Override
    public String function() {
        return call.function();
    }

    @Override
    public String action() {
        return call.action();
    }

    @Override
    public TriggerType trigger() {
        return call.trigger();
    }

    @Override
    public ActivationStatus status() {
        return resolved().status();
    }

    @Override
    public boolean success() {
        return resolved().success();
    }

    @Override
    public Object result() {
        return resolved().result();
    }

    @Override
    public <T> T result(Class<T> type) {
        try {
            return JsonCodec.convert(result(), type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The result of function '" + function() + "' (activation "
                    + activationId() + ") does not convert to " + type.getName() + ": " + e.getMessage()
                    + "; result: " + result(), e);
        }
    }

    @Override
    @SuppressWarnings("unchecked") // JsonCodec gives JSON objects as Map<String, Object>
    public Map<String, Object> resultMap() {
        if (result() instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalStateException("The result of function '" + function() + "' (activation " + activationId()
                + ") is not a JSON object but " + (result() == null ? "null" : result().getClass().getSimpleName()
                + ": " + result()) + "; use result() or result(Class)");
    }

    @Override
    public Instant clientBegin() {
        return call.begin();
    }

    @Override
    public long clientTimeUs() {
        return call.timeUs();
    }

    @Override
    public OptionalLong providerExecutionUs() {
        return resolved().providerExecutionUs();
    }

    @Override
    public OptionalLong providerInitUs() {
        return resolved().providerInitUs();
    }

    @Override
    public OptionalLong providerWaitUs() {
        return resolved().providerWaitUs();
    }

    @Override
    public boolean cold() {
        return resolved().cold();
    }

    @Override
    public OptionalLong benchmarkTimeUs() {
        return resolved().benchmarkTimeUs();
    }

    @Override
    public OptionalInt memoryMb() {
        return resolved().memoryMb();
    }

    @Override
    public boolean warmup() {
        return warmup;
    }

    @Override
    public List<String> logs() {
        List<String> known = logs;
        if (known != null) {
            return known;
        }
        Activation activation = activation().orElse(null);
        if (activation != null && !activation.logs().isEmpty()) {
            known = activation.logs();
        } else {
            known = activationId() == null ? List.of() : List.copyOf(logSource.apply(activationId()));
        }
        logs = known;
        return known;
    }

    @Override
    public Invocation assertSuccess() {
        if (!success()) {
            throw new AssertionFailedError("Expected invocation of function '" + function() + "' (activation "
                    + activationId() + ", " + trigger().name().toLowerCase(Locale.ROOT) + " trigger) to"
                    + " succeed, but its status was '" + statusText() + "' with result " + result()
                    + lastLogLines());
        }
        return this;
    }

    @Override
    public Invocation assertCold() {
        if (!cold()) {
            throw new AssertionFailedError("Expected a cold start for function '" + function() + "' (activation "
                    + activationId() + "), but the record has no initTime and the result no is_cold=true");
        }
        return this;
    }

    @Override
    public Invocation assertWarm() {
        if (cold()) {
            throw new AssertionFailedError("Expected a warm start for function '" + function() + "' (activation "
                    + activationId() + "), but it was cold (initTime " + providerInitUs() + " us)");
        }
        return this;
    }

    /** The end of the activation's logs, for failure messages; says so when there are none or they cannot be read. */
    String lastLogLines() {
        if (activationId() == null) {
            return "; there is no activation, so no logs";
        }
        List<String> lines;
        try {
            lines = logs();
        } catch (RuntimeException e) {
            return "; its logs could not be fetched: " + e.getMessage();
        }
        if (lines.isEmpty()) {
            return "; the activation has no log lines";
        }
        List<String> last = lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_FAILURES), lines.size());
        return "; last log lines of the activation (" + last.size() + " of " + lines.size() + "):\n    "
                + String.join("\n    ", last);
    }

    @Override
    public String toString() {
        return "Invocation[function=" + function() + ", trigger=" + trigger() + ", activationId=" + activationId()
                + ", warmup=" + warmup + ", clientTimeUs=" + clientTimeUs() + "]";
    }
}
