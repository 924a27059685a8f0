package org.serverlessbench.openwhisk.embedded.invoker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.serverlessbench.openwhisk.embedded.runtime.ActionContainer;
import org.serverlessbench.openwhisk.embedded.runtime.ContainerCrashedException;
import org.serverlessbench.openwhisk.embedded.runtime.ContainerTimeoutException;
import org.serverlessbench.openwhisk.embedded.runtime.LogLine;
import org.serverlessbench.openwhisk.embedded.runtime.RuntimeResponse;

/**
 * Runs one activation in a container: {@code /init} when the container is fresh, then {@code /run}, then collects the
 * logs, as OpenWhisk's {@code ContainerProxy.initializeAndRun} does, and builds the record.
 */
final class ActivationRunner {
    /** How long to wait for the end-of-activation sentinels after an activation or a failed init that answered. */
    static final Duration LOG_SENTINEL_WAIT = Duration.ofSeconds(2);
    /**
     * How long to wait for the last output of a process that died: its streams close at once, and the runtime's own
     * out-of-memory message tells an exhausted heap (OpenWhisk's {@code MemoryExhausted}) from another crash.
     */
    static final Duration CRASH_LOG_WAIT = Duration.ofMillis(500);
    private static final List<String> OUT_OF_MEMORY_MARKERS = List.of(
            "JavaScript heap out of memory", "java.lang.OutOfMemoryError", "MemoryError");

    /** The record, and whether the container may serve the next activation. */
    record Outcome(ObjectNode record, boolean keepContainer) {
    }

    /**
     * @param initialised called once {@code /init} succeeded, before {@code /run}
     * @param collectLogs whether the container runs one activation at a time, so that its output up to the sentinels
     *                    is this activation's; a container running several at once has its output discarded and the
     *                    record no logs, as in OpenWhisk with intra-container concurrency
     */
    Outcome run(ActivationRequest request, ActionContainer container, boolean init, Runnable initialised,
            boolean collectLogs) {
        ActionRevision action = request.action();
        long timeoutMs = action.timeoutMs();
        Duration timeout = Duration.ofMillis(timeoutMs);
        Long initTimeMs = null;
        long waitTimeMs = 0;
        if (init) {
            long initStartNanos = System.nanoTime();
            long initStartMs = System.currentTimeMillis();
            waitTimeMs = millis(initStartNanos - request.receivedAtNanos());
            ActivationResult failure = null;
            boolean timedOut = false;
            List<LogLine> crashLog = null;
            String body = initBody(request, initStartMs + timeoutMs);
            try {
                RuntimeResponse answer = container.init(body, timeout);
                if (millis(System.nanoTime() - initStartNanos) >= timeoutMs) {
                    timedOut = true;
                } else if (answer.statusCode() != 200) {
                    failure = RuntimeAnswers.failedInit(answer);
                }
            } catch (ContainerTimeoutException e) {
                timedOut = true;
            } catch (ContainerCrashedException e) {
                crashLog = container.drainLogs(CRASH_LOG_WAIT);
                failure = ActivationResult.developerError(outOfMemory(crashLog) || container.memoryExhausted()
                        ? ActivationMessages.MEMORY_EXHAUSTED : ActivationMessages.ABNORMAL_INITIALIZATION);
            }
            initTimeMs = millis(System.nanoTime() - initStartNanos);
            if (timedOut) {
                failure = ActivationResult.developerError(ActivationMessages.timedOut(timeoutMs, true));
            }
            if (failure != null) {
                // a runtime that answered the failed /init writes the sentinels after its traceback: wait for them
                List<String> logs = ActivationLogFormatter.format(crashLog != null ? crashLog
                        : container.drainLogs(timedOut ? Duration.ZERO : LOG_SENTINEL_WAIT), action.logsMb());
                ObjectNode record = ActivationRecords.build(request, failure, initStartMs, initStartMs + initTimeMs,
                        initTimeMs, waitTimeMs, timedOut, logs);
                return new Outcome(record, false);
            }
            initialised.run();
        }
        long runStartNanos = System.nanoTime();
        long runStartMs = System.currentTimeMillis();
        if (!init) {
            waitTimeMs = millis(runStartNanos - request.receivedAtNanos());
        }
        String body = runBody(request, runStartMs + timeoutMs);
        ActivationResult result;
        boolean timedOut = false;
        List<LogLine> crashLog = null;
        try {
            RuntimeResponse answer = container.run(body, timeout);
            if (millis(System.nanoTime() - runStartNanos) >= timeoutMs) {
                timedOut = true;
                result = ActivationResult.developerError(ActivationMessages.timedOut(timeoutMs, false));
            } else {
                result = RuntimeAnswers.run(answer);
            }
        } catch (ContainerTimeoutException e) {
            timedOut = true;
            result = ActivationResult.developerError(ActivationMessages.timedOut(timeoutMs, false));
        } catch (ContainerCrashedException e) {
            crashLog = container.drainLogs(CRASH_LOG_WAIT);
            result = ActivationResult.developerError(
                    outOfMemory(crashLog) || container.memoryExhausted()
                            ? ActivationMessages.MEMORY_EXHAUSTED : ActivationMessages.ABNORMAL_RUN);
        }
        long runEndMs = runStartMs + millis(System.nanoTime() - runStartNanos);
        boolean keep = !result.destroysContainer();
        List<String> logs;
        if (collectLogs) {
            List<LogLine> lines = crashLog != null ? crashLog
                    : container.drainLogs(keep ? LOG_SENTINEL_WAIT : Duration.ZERO);
            logs = ActivationLogFormatter.format(lines, action.logsMb());
        } else {
            container.drainLogs(Duration.ZERO);
            logs = List.of();
        }
        long startMs = initTimeMs == null ? runStartMs : runStartMs - initTimeMs;
        ObjectNode record = ActivationRecords.build(request, result, startMs, runEndMs, initTimeMs, waitTimeMs,
                timedOut, logs);
        return new Outcome(record, keep);
    }

    /** {@code {"value":{name, main, binary, code, env}}}; every env value is a string. */
    static String initBody(ActivationRequest request, long deadlineMs) {
        ActionRevision action = request.action();
        ObjectNode body = Json.NODES.objectNode();
        ObjectNode value = body.putObject("value");
        value.put("name", action.name());
        value.put("main", action.main() == null ? "main" : action.main());
        value.put("binary", action.binary());
        if (action.code() != null) {
            value.put("code", action.code());
        }
        ObjectNode env = value.putObject("env");
        env.put("__OW_NAMESPACE", action.namespace());
        env.put("__OW_ACTION_NAME", action.fullyQualifiedName());
        env.put("__OW_ACTION_VERSION", action.version());
        env.put("__OW_ACTIVATION_ID", request.activationId());
        env.put("__OW_TRANSACTION_ID", request.transactionId());
        env.put("__OW_DEADLINE", Long.toString(deadlineMs));
        if (request.apiKey() != null) {
            env.put("__OW_API_KEY", request.apiKey());
        }
        return write(body, request);
    }

    /**
     * {@code {"value", namespace, action_name, action_version, activation_id, transaction_id, deadline[, api_key]}},
     * written directly: this is on every warm activation's path.
     */
    static String runBody(ActivationRequest request, long deadlineMs) {
        ActionRevision action = request.action();
        String value;
        try {
            value = request.payload() == null ? "{}" : Json.MAPPER.writeValueAsString(request.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("activation " + request.activationId() + ": payload not serialisable", e);
        }
        StringBuilder body = new StringBuilder(value.length() + 320);
        body.append("{\"value\":").append(value);
        field(body, "namespace", action.namespace());
        field(body, "action_name", action.fullyQualifiedName());
        field(body, "action_version", action.version());
        field(body, "activation_id", request.activationId());
        field(body, "transaction_id", request.transactionId());
        field(body, "deadline", Long.toString(deadlineMs));
        if (request.apiKey() != null) {
            field(body, "api_key", request.apiKey());
        }
        return body.append('}').toString();
    }

    private static void field(StringBuilder body, String name, String value) {
        body.append(",\"").append(name).append("\":");
        if (value == null) {
            body.append("null");
        } else {
            body.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value)).append('"');
        }
    }

    private static String write(ObjectNode body, ActivationRequest request) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("activation " + request.activationId() + ": body not serialisable", e);
        }
    }

    private static boolean outOfMemory(List<LogLine> lines) {
        for (LogLine line : lines) {
            String text = line.text();
            if (text != null) {
                for (String marker : OUT_OF_MEMORY_MARKERS) {
                    if (text.contains(marker)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static long millis(long nanos) {
        return Math.max(0, nanos / 1_000_000);
    }
}
