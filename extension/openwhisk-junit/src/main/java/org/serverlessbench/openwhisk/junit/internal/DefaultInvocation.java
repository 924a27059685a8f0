package org.serverlessbench.openwhisk.junit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.serverlessbench.openwhisk.client.Activation;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.TriggerType;

/**
 * An {@link Invocation} whose activation record is either known at once (library trigger) or arrives from a
 * background fetch (HTTP trigger); the accessors that need the record wait for it.
 */
final class DefaultInvocation implements Invocation {

    private final String function;
    private final String action;
    private final TriggerType trigger;
    private final boolean warmup;
    private final Instant clientBegin;
    private final long clientTimeUs;
    private final String activationId;
    private final Object result;
    private final int httpStatus;
    private final CompletableFuture<Activation> record;
    private final Duration recordTimeout;
    private final OpenWhiskClient client;
    private final String image;
    private volatile List<String> logs;

    /**
     * @param result     the result as the client got it; null to take it from the record
     * @param record     completes with the record, or with null when there is none
     * @param httpStatus the HTTP status the client got
     */
    DefaultInvocation(String function, String action, TriggerType trigger, boolean warmup, Instant clientBegin,
            long clientTimeUs, String activationId, Object result, int httpStatus,
            CompletableFuture<Activation> record, Duration recordTimeout, OpenWhiskClient client) {
        this(function, action, trigger, warmup, clientBegin, clientTimeUs, activationId, result, httpStatus, record,
                recordTimeout, client, null);
    }

    /** @param image the action's Docker image, or {@code null} for a code action */
    DefaultInvocation(String function, String action, TriggerType trigger, boolean warmup, Instant clientBegin,
            long clientTimeUs, String activationId, Object result, int httpStatus,
            CompletableFuture<Activation> record, Duration recordTimeout, OpenWhiskClient client, String image) {
        this.function = function;
        this.action = action;
        this.trigger = trigger;
        this.warmup = warmup;
        this.clientBegin = clientBegin;
        this.clientTimeUs = clientTimeUs;
        this.activationId = activationId;
        this.result = result;
        this.httpStatus = httpStatus;
        this.record = record;
        this.recordTimeout = recordTimeout;
        this.client = client;
        this.image = image;
    }

    /** The same invocation counted as a warm-up. */
    DefaultInvocation asWarmup() {
        return new DefaultInvocation(function, action, trigger, true, clientBegin, clientTimeUs, activationId,
                result, httpStatus, record, recordTimeout, client, image);
    }

    /** The Docker image of the action, or {@code null} for a code action. */
    String image() {
        return image;
    }

    @Override
    public Optional<Activation> activation() {
        return Optional.ofNullable(recordOrProblem().record);
    }

    /** Why there is no record (fetch failed or timed out), or empty. */
    Optional<String> recordProblem() {
        return Optional.ofNullable(recordOrProblem().problem);
    }

    private RecordOutcome recordOrProblem() {
        try {
            return new RecordOutcome(record.get(recordTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS), null);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new RecordOutcome(null, "the activation record of " + activationId + " could not be fetched: "
                    + cause.getMessage());
        } catch (TimeoutException e) {
            return new RecordOutcome(null, "the activation record of " + activationId + " did not arrive within "
                    + recordTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RecordOutcome(null, "interrupted while waiting for the activation record of " + activationId);
        }
    }

    private record RecordOutcome(Activation record, String problem) {
    }

    @Override
    public String activationId() {
        return activationId;
    }

    @Override
    public String function() {
        return function;
    }

    @Override
    public String action() {
        return action;
    }

    @Override
    public TriggerType trigger() {
        return trigger;
    }

    @Override
    public String status() {
        Activation activation = activation().orElse(null);
        if (activation != null && activation.response() != null) {
            return activation.response().status();
        }
        return activationId == null ? "http " + httpStatus : "unknown (" + recordProblem().orElse("no record") + ")";
    }

    @Override
    public boolean success() {
        Activation activation = activation().orElse(null);
        if (activation != null) {
            return activation.success();
        }
        return httpStatus >= 200 && httpStatus < 300 && activationId != null;
    }

    @Override
    public Object result() {
        if (result != null) {
            return result;
        }
        return activation().map(activation -> activation.response() == null ? null : activation.response().result())
                .orElse(null);
    }

    @Override
    public Instant clientBegin() {
        return clientBegin;
    }

    @Override
    public long clientTimeUs() {
        return clientTimeUs;
    }

    @Override
    public OptionalLong providerExecutionUs() {
        return activation().map(activation -> OptionalLong.of(activation.duration() * 1000))
                .orElse(OptionalLong.empty());
    }

    @Override
    public OptionalLong providerInitUs() {
        return micros(activation().map(Activation::initTime).orElse(OptionalLong.empty()));
    }

    @Override
    public OptionalLong providerWaitUs() {
        return micros(activation().map(Activation::waitTime).orElse(OptionalLong.empty()));
    }

    private static OptionalLong micros(OptionalLong millis) {
        return millis.isPresent() ? OptionalLong.of(millis.getAsLong() * 1000) : OptionalLong.empty();
    }

    @Override
    public boolean cold() {
        return activation().map(Activation::cold).orElse(false) || ResultFields.reportsCold(result());
    }

    @Override
    public OptionalLong benchmarkTimeUs() {
        return ResultFields.benchmarkTimeUs(result());
    }

    @Override
    public OptionalInt memoryMb() {
        return activation().map(Activation::memoryMb).orElse(OptionalInt.empty());
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
            known = activationId == null ? List.of() : List.copyOf(client.activationLogs(activationId));
        }
        logs = known;
        return known;
    }

    @Override
    public String toString() {
        return "Invocation[function=" + function + ", trigger=" + trigger + ", activationId=" + activationId
                + ", warmup=" + warmup + ", clientTimeUs=" + clientTimeUs + "]";
    }
}
