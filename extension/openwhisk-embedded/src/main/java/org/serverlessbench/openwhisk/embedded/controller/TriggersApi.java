package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code /namespaces/{ns}/triggers}: list, get, PUT, DELETE, and POST to fire. No feeds. */
final class TriggersApi {
    private static final String COLLECTION = "triggers";

    private final TriggerRuleStore store;
    private final TriggerFires fires;
    private final ControllerConfig config;

    TriggersApi(TriggerRuleStore store, TriggerFires fires, ControllerConfig config) {
        this.store = store;
        this.fires = fires;
        this.config = config;
    }

    Reply handle(Request request, List<String> rest) {
        if (ListParams.namesCollection(rest)) {
            if (!request.method().equals("GET")) {
                throw ApiException.methodNotAllowed("GET");
            }
            return ListParams.reply(request, COLLECTION, store.triggers(), StoredTrigger::summaryJson);
        }
        if (rest.size() != 1) {
            throw ApiException.notFound();
        }
        String name = NamespaceGuard.checkName(rest.get(0));
        return switch (request.method()) {
            case "GET" -> Reply.json(200, existing(name).toJson());
            case "PUT" -> put(request, name);
            case "DELETE" -> Reply.json(200, store.deleteTrigger(name).toJson());
            case "POST" -> fire(request, name);
            default -> throw ApiException.methodNotAllowed("GET, PUT, DELETE, POST");
        };
    }

    private StoredTrigger existing(String name) {
        StoredTrigger trigger = store.trigger(name);
        if (trigger == null) {
            throw ApiException.notFound();
        }
        return trigger;
    }


    private Reply put(Request request, String name) {
        boolean overwrite = request.booleanParam("overwrite", false);
        JsonNode body = Json.parseObjectBody(request.body(ControllerConfig.MAX_PAYLOAD_BYTES * 2));
        ArrayNode parameters = KeyValues.readParameters(body);
        ArrayNode annotations = KeyValues.read(body, "annotations");
        String version = ActionPut.parseVersion(body.get("version"));
        Boolean publish = body.hasNonNull("publish") ? body.get("publish").asBoolean() : null;
        StoredTrigger stored = store.putTrigger(name, existing -> {
            long now = System.currentTimeMillis();
            if (existing == null) {
                return new StoredTrigger(config.namespace(), name, version == null ? "0.0.1" : version,
                        publish != null && publish, parameters == null ? Json.array() : parameters,
                        annotations == null ? Json.array() : annotations, null, now);
            }
            if (!overwrite) {
                throw new ApiException(409, Messages.ALREADY_EXISTS);
            }
            return new StoredTrigger(config.namespace(), name,
                    version != null ? version : ActionPut.nextPatch(existing.version()),
                    publish != null ? publish : existing.publish(),
                    parameters != null ? parameters : existing.parameters(),
                    annotations != null ? annotations : existing.annotations(), existing.rules(), now);
        });
        return Reply.json(200, stored.toJson());
    }

    /** 202 with the trigger activation's id, or 204 when no rule of the trigger is active (then no record). */
    private Reply fire(Request request, String name) {
        JsonNode body = Json.parseBody(request.body(ControllerConfig.MAX_PAYLOAD_BYTES));
        if (body != null && !body.isObject()) {
            throw ApiException.malformedContent("Object expected");
        }
        StoredTrigger trigger = existing(name);
        ObjectNode payload = body == null ? null : (ObjectNode) body;
        String activationId = fires.fire(trigger, payload, WebActionsApi.headers(request), request.transactionId());
        if (activationId == null) {
            return Reply.empty(204);
        }
        return Reply.json(202, Json.object().put("activationId", activationId))
                .withHeader("x-openwhisk-activation-id", activationId);
    }
}
