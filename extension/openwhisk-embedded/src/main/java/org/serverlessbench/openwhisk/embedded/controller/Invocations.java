package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.serverlessbench.openwhisk.embedded.invoker.ActivationRequest;
import org.serverlessbench.openwhisk.embedded.invoker.Activator;

/**
 * Turns an invoke (REST or web) into an {@link ActivationRequest}; a blocking caller answers with a
 * {@link PendingReply}.
 */
final class Invocations {
    private final Activator activator;
    private final EntityStore store;
    private final ControllerConfig config;
    private final Sequences sequences;

    Invocations(Activator activator, EntityStore store, ControllerConfig config) {
        this.activator = activator;
        this.store = store;
        this.config = config;
        this.sequences = new Sequences(this, store, activator, config.namespace());
    }

    /**
     * Package parameters, then the action's: what the payload is merged over. Nothing for a sequence, whose only
     * parameter is its component list; its first component gets the payload merged over its own parameters.
     */
    ObjectNode boundParameters(StoredAction action) {
        ObjectNode merged = Json.object();
        if (action.sequence()) {
            return merged;
        }
        if (action.packageName() != null) {
            StoredPackage pkg = store.pkg(action.packageName());
            if (pkg != null) {
                addPairs(merged, pkg.parameters());
            }
        }
        addPairs(merged, action.revision().parameters());
        return merged;
    }

    /** Keys a caller may not set: bound parameters with a value, when the action is annotated {@code final}. */
    Set<String> finalParameters(StoredAction action, ObjectNode bound) {
        if (!Json.isTruthy(Json.keyValue(action.revision().annotations(), "final"), false)) {
            return Set.of();
        }
        Set<String> keys = new HashSet<>();
        for (Map.Entry<String, JsonNode> e : bound.properties()) {
            if (!e.getValue().isNull()) {
                keys.add(e.getKey());
            }
        }
        return keys;
    }

    private static void addPairs(ObjectNode target, ArrayNode pairs) {
        for (JsonNode pair : pairs) {
            target.set(pair.get("key").textValue(), pair.get("value"));
        }
    }

    /** Starts the activation of {@code action} with {@code payload} already merged over its parameters. */
    Started start(StoredAction action, ObjectNode payload, String transactionId, long receivedAtMillis,
            long receivedAtNanos) {
        return start(action, payload, transactionId, receivedAtMillis, receivedAtNanos, null);
    }

    /**
     * Starts the activation; a warm one runs on {@code warmRunner} when it is not null (the request's thread, for an
     * invoke that waits for its record anyway), else on an invoker worker. A sequence runs its components.
     */
    Started start(StoredAction action, ObjectNode payload, String transactionId, long receivedAtMillis,
            long receivedAtNanos, Executor warmRunner) {
        if (action.sequence()) {
            String activationId = Ids.next();
            return new Started(activationId, sequences.run(action, payload, activationId, null, new AtomicInteger(),
                    transactionId, receivedAtNanos));
        }
        boolean provideApiKey = Json.isTruthy(Json.keyValue(action.revision().annotations(), "provide-api-key"), true);
        String activationId = Ids.next();
        ActivationRequest request = new ActivationRequest(activationId, action.revision(), payload, config.namespace(),
                provideApiKey ? config.auth() : null, transactionId, receivedAtMillis, receivedAtNanos);
        return new Started(activationId, activator.activate(request, warmRunner));
    }

    /**
     * Starts a component of the sequence activation {@code cause} with the previous result as {@code input} (an
     * object merged over the action's parameters, an array as it is, or {@code null} for the parameters alone).
     */
    CompletableFuture<ObjectNode> startComponent(StoredAction action, JsonNode input, String cause,
            String transactionId) {
        JsonNode payload;
        if (input != null && input.isArray()) {
            payload = input;
        } else {
            ObjectNode merged = boundParameters(action);
            if (input != null) {
                merged.setAll((ObjectNode) input);
            }
            payload = merged;
        }
        boolean provideApiKey = Json.isTruthy(Json.keyValue(action.revision().annotations(), "provide-api-key"), true);
        ActivationRequest request = new ActivationRequest(Ids.next(), action.revision(), payload, config.namespace(),
                provideApiKey ? config.auth() : null, transactionId, System.currentTimeMillis(), System.nanoTime(),
                cause);
        return activator.activate(request);
    }

    /** HTTP status of an invoke answer by activation status: 200, 502 for application/developer errors, else 500. */
    static int statusFor(ObjectNode record) {
        String status = record.path("response").path("status").asText();
        return switch (status) {
            case "success" -> 200;
            case "application error", "action developer error" -> 502;
            default -> 500;
        };
    }

    record Started(String activationId, CompletableFuture<ObjectNode> record) {
    }
}
