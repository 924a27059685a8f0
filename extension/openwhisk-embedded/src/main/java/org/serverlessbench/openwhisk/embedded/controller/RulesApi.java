package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/**
 * {@code /namespaces/{ns}/rules}: list, get (with {@code status}), PUT (trigger and action must exist), DELETE, and
 * POST {@code {"status": "active"|"inactive"}} to enable or disable.
 */
final class RulesApi {
    private static final String COLLECTION = "rules";

    private final TriggerRuleStore store;
    private final EntityStore actions;
    private final ControllerConfig config;

    RulesApi(TriggerRuleStore store, EntityStore actions, ControllerConfig config) {
        this.store = store;
        this.actions = actions;
        this.config = config;
    }

    Reply handle(Request request, List<String> rest) {
        if (ListParams.namesCollection(rest)) {
            if (!request.method().equals("GET")) {
                throw ApiException.methodNotAllowed("GET");
            }
            return ListParams.reply(request, COLLECTION, store.rules(), StoredRule::toJson);
        }
        if (rest.size() != 1) {
            throw ApiException.notFound();
        }
        String name = NamespaceGuard.checkName(rest.get(0));
        return switch (request.method()) {
            case "GET" -> {
                StoredRule rule = store.rule(name);
                if (rule == null) {
                    throw ApiException.notFound();
                }
                yield Reply.json(200, rule.toJson(store.isActive(rule)));
            }
            case "PUT" -> put(request, name);
            case "DELETE" -> Reply.json(200, store.deleteRule(name).toJson(false));
            case "POST" -> setStatus(request, name);
            default -> throw ApiException.methodNotAllowed("GET, PUT, DELETE, POST");
        };
    }


    private Reply put(Request request, String name) {
        boolean overwrite = request.booleanParam("overwrite", false);
        JsonNode body = Json.parseObjectBody(request.body(ControllerConfig.MAX_PAYLOAD_BYTES));
        QualifiedName trigger = body.hasNonNull("trigger")
                ? QualifiedName.parse(body.get("trigger"), config.namespace(), "trigger") : null;
        QualifiedName action = body.hasNonNull("action")
                ? QualifiedName.parse(body.get("action"), config.namespace(), "action") : null;
        ArrayNode annotations = KeyValues.read(body, "annotations");
        String version = ActionPut.parseVersion(body.get("version"));
        Boolean publish = body.hasNonNull("publish") ? body.get("publish").asBoolean() : null;
        TriggerRuleStore.PutRule stored = store.putRule(name, existing -> {
            long now = System.currentTimeMillis();
            if (existing == null) {
                if (trigger == null || action == null) {
                    throw ApiException.badRequest("rule requires a valid trigger and a valid action");
                }
                checkExist(trigger, action);
                return new StoredRule(config.namespace(), name, trigger, action, version == null ? "0.0.1" : version,
                        publish != null && publish, annotations == null ? Json.array() : annotations, now);
            }
            if (!overwrite) {
                throw new ApiException(409, Messages.ALREADY_EXISTS);
            }
            QualifiedName newTrigger = trigger != null ? trigger : existing.trigger();
            QualifiedName newAction = action != null ? action : existing.action();
            checkExist(newTrigger, newAction);
            return new StoredRule(config.namespace(), name, newTrigger, newAction,
                    version != null ? version : ActionPut.nextPatch(existing.version()),
                    publish != null ? publish : existing.publish(),
                    annotations != null ? annotations : existing.annotations(), now);
        });
        return Reply.json(200, stored.rule().toJson(stored.active()));
    }

    private void checkExist(QualifiedName trigger, QualifiedName action) {
        boolean ours = trigger.namespace().equals(config.namespace());
        if (trigger.packageName() != null || !ours || store.trigger(trigger.name()) == null) {
            throw ApiException.badRequest("trigger " + trigger.withLeadingSlash() + " does not exist");
        }
        if (!action.namespace().equals(config.namespace())
                || actions.action(action.packageName(), action.name()) == null) {
            throw ApiException.badRequest("action " + action.withLeadingSlash() + " does not exist");
        }
    }

    /** OpenWhisk answers 200 with the text {@code OK}, also when the rule has the requested status already. */
    private Reply setStatus(Request request, String name) {
        JsonNode body = Json.parseBody(request.body(ControllerConfig.MAX_PAYLOAD_BYTES));
        JsonNode status = body == null ? null : body.get("status");
        if (status == null || !status.isTextual()) {
            throw ApiException.malformedContent("Object expected with a 'status' of '" + RuleLink.ACTIVE + "' or '"
                    + RuleLink.INACTIVE + "'");
        }
        String requested = status.textValue();
        if (!requested.equals(RuleLink.ACTIVE) && !requested.equals(RuleLink.INACTIVE)) {
            throw ApiException.malformedContent("'" + requested + "' is not a recognized rule state, must be one of ['"
                    + RuleLink.ACTIVE + "', '" + RuleLink.INACTIVE + "']");
        }
        store.setStatus(name, requested.equals(RuleLink.ACTIVE));
        return Reply.text(200, "text/plain; charset=UTF-8", "OK");
    }
}
