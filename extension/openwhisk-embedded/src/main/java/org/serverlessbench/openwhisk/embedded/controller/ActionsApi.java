package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /namespaces/{ns}/actions}: list, get, PUT, DELETE and invoke, in the default package or in a package. */
final class ActionsApi {
    private static final String COLLECTION = "actions";

    private final EntityStore store;
    private final Invocations invocations;
    private final ControllerConfig config;

    ActionsApi(EntityStore store, Invocations invocations, ControllerConfig config) {
        this.store = store;
        this.invocations = invocations;
        this.config = config;
    }

    /** {@code rest}: the segments after {@code actions}. */
    Answer handle(Request request, List<String> rest, long receivedAtMillis, long receivedAtNanos) {
        if (ListParams.namesCollection(rest)) {
            requireMethod(request, "GET");
            return ListParams.reply(request, COLLECTION, store.actions(null, true), StoredAction::summaryJson);
        }
        if (rest.size() == 2 && rest.get(1).isEmpty()) {
            requireMethod(request, "GET");
            String pkg = NamespaceGuard.checkName(rest.get(0));
            if (store.pkg(pkg) == null) {
                throw ApiException.notFound();
            }
            return ListParams.reply(request, COLLECTION, store.actions(pkg, false), StoredAction::summaryJson);
        }
        if (rest.size() > 2) {
            throw ApiException.notFound();
        }
        String pkg = rest.size() == 2 ? NamespaceGuard.checkName(rest.get(0)) : null;
        String name = NamespaceGuard.checkName(rest.get(rest.size() - 1));
        if (pkg != null && store.pkg(pkg) == null && !request.method().equals("PUT")) {
            throw ApiException.notFound();
        }
        return switch (request.method()) {
            case "GET" -> get(request, pkg, name);
            case "PUT" -> put(request, pkg, name);
            case "DELETE" -> Reply.json(200, store.deleteAction(pkg, name).toJson(true));
            case "POST" -> invoke(request, pkg, name, receivedAtMillis, receivedAtNanos);
            default -> throw ApiException.methodNotAllowed("GET, PUT, DELETE, POST");
        };
    }

    private static void requireMethod(Request request, String method) {
        if (!request.method().equals(method)) {
            throw ApiException.methodNotAllowed(method);
        }
    }


    private Reply get(Request request, String pkg, String name) {
        boolean code = request.booleanParam("code", true);
        StoredAction action = store.action(pkg, name);
        if (action == null) {
            throw ApiException.notFound();
        }
        ObjectNode json = action.toJson(code);
        if (pkg != null) {
            // OpenWhisk shows an action fetched through its package with the package parameters merged in.
            json.set("parameters", mergedParameters(store.pkg(pkg).parameters(), action.revision().parameters()));
        }
        return Reply.json(200, json);
    }

    private static ArrayNode mergedParameters(ArrayNode packageParameters, ArrayNode actionParameters) {
        ArrayNode merged = packageParameters.deepCopy();
        actionParameters.forEach(p -> Json.putKeyValue(merged, p.get("key").textValue(), p.get("value")));
        return merged;
    }

    private Reply put(Request request, String pkg, String name) {
        boolean overwrite = request.booleanParam("overwrite", false);
        JsonNode body = Json.parseObjectBody(request.body(ControllerConfig.MAX_ACTION_PUT_BYTES));
        ActionPut put = ActionPut.parse(body, config);
        if (put.sequenceComponents() != null) {
            String self = "/" + config.namespace() + "/" + EntityStore.key(pkg, name);
            SequenceComponents.check(store, config.namespace(), self, put.sequenceComponents());
        }
        StoredAction stored = store.putAction(pkg, name, existing -> {
            long now = System.currentTimeMillis();
            if (existing == null) {
                return put.create(config.namespace(), pkg, name, store.nextRevision(), now, config);
            }
            if (!overwrite) {
                throw new ApiException(409, Messages.ALREADY_EXISTS);
            }
            return put.update(existing, store.nextRevision(), now);
        });
        return Reply.json(200, stored.toJson(true));
    }

    private Answer invoke(Request request, String pkg, String name, long receivedAtMillis, long receivedAtNanos) {
        byte[] raw = request.body(ControllerConfig.MAX_PAYLOAD_BYTES);
        boolean blocking = request.booleanParam("blocking", false);
        boolean resultOnly = request.booleanParam("result", false);
        Duration wait = waitOf(request.queryParam("timeout"));
        JsonNode body = Json.parseBody(raw);
        if (body != null && !body.isObject()) {
            throw ApiException.malformedContent("Object expected");
        }
        StoredAction action = store.action(pkg, name);
        if (action == null) {
            throw ApiException.notFound();
        }
        ObjectNode payload = invocations.boundParameters(action);
        if (body != null) {
            Set<String> fixed = invocations.finalParameters(action, payload);
            for (Map.Entry<String, JsonNode> field : body.properties()) {
                if (fixed.contains(field.getKey())) {
                    throw ApiException.badRequest(Messages.PARAMETERS_NOT_ALLOWED);
                }
                payload.set(field.getKey(), field.getValue());
            }
        }
        Invocations.Started started = invocations.start(action, payload, request.transactionId(), receivedAtMillis,
                receivedAtNanos, blocking ? request.callerRuns() : null);
        String activationId = started.activationId();
        Reply accepted = Reply.json(202, Json.object().put("activationId", activationId))
                .withHeader("x-openwhisk-activation-id", activationId);
        if (!blocking) {
            return accepted;
        }
        return new PendingReply(started, wait, record -> {
            JsonNode result = record.path("response").get("result");
            JsonNode answer = result != null && result.isArray() ? result
                    : resultOnly ? (result == null ? Json.object() : result) : record;
            return Reply.json(Invocations.statusFor(record), answer)
                    .withHeader("x-openwhisk-activation-id", activationId);
        }, () -> accepted);
    }

    private Duration waitOf(String timeout) {
        long maxMs = config.maxBlockingWait().toMillis();
        if (timeout == null) {
            return config.maxBlockingWait();
        }
        try {
            int ms = Integer.parseInt(timeout.trim());
            if (ms > 0 && ms <= Math.max(maxMs, 60_000)) {
                return Duration.ofMillis(Math.min(ms, maxMs));
            }
        } catch (NumberFormatException e) {
            // reported below with OpenWhisk's message
        }
        throw ApiException.malformedQuery("timeout", Messages.invalidTimeout(60_000));
    }
}
