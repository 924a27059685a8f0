package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.serverlessbench.openwhisk.embedded.invoker.Activator;

/**
 * Runs sequence actions as OpenWhisk's controller does: the components one after another, each result the next
 * input; the first result with an {@code error} field (or a missing component, or too many actions) ends the chain
 * and becomes the sequence's result. The sequence's own record lists the component activation ids as its
 * {@code logs}, its {@code duration} is the sum of theirs, and it is stored like any other record.
 */
final class Sequences {
    static final String FAILED = "Sequence failed.";

    private final Invocations invocations;
    private final EntityStore store;
    private final Activator activator;
    private final String namespace;

    Sequences(Invocations invocations, EntityStore store, Activator activator, String namespace) {
        this.invocations = invocations;
        this.store = store;
        this.activator = activator;
        this.namespace = namespace;
    }

    /**
     * Runs {@code sequence} on {@code input} (an object, an array, or {@code null}); completes with its record.
     *
     * @param cause the enclosing sequence's activation id, or {@code null} for a sequence invoked directly
     */
    CompletableFuture<ObjectNode> run(StoredAction sequence, JsonNode input, String activationId, String cause,
            AtomicInteger atomicActions, String transactionId, long receivedAtNanos) {
        long startMs = System.currentTimeMillis();
        long waitMs = Math.max(0, (System.nanoTime() - receivedAtNanos) / 1_000_000);
        Accounting accounting = new Accounting(response("success", true, input));
        CompletableFuture<Accounting> chain = CompletableFuture.completedFuture(accounting);
        for (String component : sequence.components()) {
            chain = chain.thenCompose(a -> a.stopped ? CompletableFuture.completedFuture(a)
                    : next(component, a, activationId, atomicActions, transactionId));
        }
        return chain.handle((done, failure) -> {
            if (failure != null) {
                accounting.stop(response("whisk internal error", false, Json.object().put("error", FAILED)));
            }
            ObjectNode record = record(sequence, activationId, cause, startMs, waitMs, accounting);
            activator.store(sequence.qualifiedName(), record);
            return record;
        });
    }

    private CompletableFuture<Accounting> next(String component, Accounting accounting, String sequenceId,
            AtomicInteger atomicActions, String transactionId) {
        StoredAction action = SequenceComponents.resolve(store, namespace, component);
        if (action == null) {
            return CompletableFuture.completedFuture(accounting.stop(applicationError(
                    SequenceComponents.COMPONENT_NOT_FOUND)));
        }
        JsonNode result = accounting.response.get("result");
        JsonNode input = result != null && (result.isObject() || result.isArray()) ? result : null;
        CompletableFuture<ObjectNode> record;
        if (action.sequence()) {
            record = run(action, input, Ids.next(), sequenceId, atomicActions, transactionId, System.nanoTime());
        } else if (atomicActions.incrementAndGet() > ControllerConfig.MAX_SEQUENCE_LENGTH) {
            return CompletableFuture.completedFuture(accounting.stop(applicationError(SequenceComponents.TOO_LONG)));
        } else {
            record = invocations.startComponent(action, input, sequenceId, transactionId);
        }
        return record.thenApply(accounting::add);
    }

    private ObjectNode record(StoredAction sequence, String activationId, String cause, long startMs, long waitMs,
            Accounting accounting) {
        ObjectNode record = Json.object();
        record.put("activationId", activationId);
        record.put("namespace", namespace);
        record.put("name", sequence.name());
        record.put("version", sequence.revision().version());
        record.put("subject", namespace);
        record.put("publish", false);
        record.put("start", startMs);
        record.put("end", System.currentTimeMillis());
        if (cause != null) {
            record.put("cause", cause);
        }
        record.put("duration", accounting.durationMs);
        record.set("response", accounting.response);
        ArrayNode logs = record.putArray("logs");
        accounting.activationIds.forEach(logs::add);
        ArrayNode annotations = record.putArray("annotations");
        annotations.addObject().put("key", "topmost").put("value", cause == null);
        annotations.addObject().put("key", "path").put("value", sequence.revision().path());
        annotations.addObject().put("key", "kind").put("value", Kinds.SEQUENCE);
        if (cause != null) {
            annotations.addObject().put("key", "causedBy").put("value", Kinds.SEQUENCE);
        }
        annotations.addObject().put("key", "waitTime").put("value", waitMs);
        if (accounting.maxMemoryMb != null) {
            annotations.addObject().put("key", "limits").set("value", Json.object()
                    .put("concurrency", sequence.revision().concurrency())
                    .put("logs", sequence.revision().logsMb())
                    .put("memory", accounting.maxMemoryMb)
                    .put("timeout", sequence.revision().timeoutMs()));
        }
        return record;
    }

    private static ObjectNode applicationError(String message) {
        return response("application error", false, Json.object().put("error", message));
    }

    private static ObjectNode response(String status, boolean success, JsonNode result) {
        ObjectNode response = Json.object().put("status", status).put("success", success);
        if (result != null) {
            response.set("result", result);
        }
        return response;
    }

    /** What the chain has gathered so far; used by one component at a time. */
    private static final class Accounting {
        final List<String> activationIds = new ArrayList<>();
        long durationMs;
        Integer maxMemoryMb;
        ObjectNode response;
        boolean stopped;

        Accounting(ObjectNode response) {
            this.response = response;
        }

        Accounting add(ObjectNode record) {
            activationIds.add(record.path("activationId").asText());
            durationMs += record.path("duration").asLong(0);
            for (JsonNode annotation : record.path("annotations")) {
                JsonNode memory = annotation.path("value").path("memory");
                if (annotation.path("key").asText().equals("limits") && memory.isNumber()) {
                    maxMemoryMb = maxMemoryMb == null ? memory.intValue() : Math.max(maxMemoryMb, memory.intValue());
                }
            }
            response = record.path("response").isObject() ? (ObjectNode) record.get("response").deepCopy()
                    : response("whisk internal error", false, Json.object().put("error", FAILED));
            stopped = response.path("result").has("error");
            return this;
        }

        Accounting stop(ObjectNode failure) {
            response = failure;
            stopped = true;
            return this;
        }
    }
}
