package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import org.serverlessbench.openwhisk.embedded.invoker.Activator;

/**
 * Fires a trigger as OpenWhisk's controller does: every active rule invokes its action (not blocking) with the
 * trigger's parameters merged with {@code __ow_headers} and the payload; the trigger's own record has the payload as
 * its result, one log line per rule saying what became of it, and no {@code end} or {@code duration}.
 */
final class TriggerFires {
    private final EntityStore actions;
    private final Invocations invocations;
    private final Activator activator;
    private final ControllerConfig config;

    TriggerFires(EntityStore actions, Invocations invocations, Activator activator, ControllerConfig config) {
        this.actions = actions;
        this.invocations = invocations;
        this.activator = activator;
        this.config = config;
    }

    /**
     * Fires {@code trigger}; {@code payload} may be {@code null}.
     *
     * @return the trigger activation's id, or {@code null} when no rule is active (nothing is recorded then)
     */
    String fire(StoredTrigger trigger, ObjectNode payload, ObjectNode headers, String transactionId) {
        Map<String, RuleLink> rules = trigger.rules() == null ? Map.of() : trigger.rules();
        if (rules.values().stream().noneMatch(RuleLink::active)) {
            return null;
        }
        long receivedAtMillis = System.currentTimeMillis();
        long receivedAtNanos = System.nanoTime();
        ObjectNode args = Json.object();
        trigger.parameters().forEach(p -> args.set(p.get("key").textValue(), p.get("value")));
        args.set("__ow_headers", headers);
        if (payload != null) {
            args.setAll(payload);
        }
        String activationId = Ids.next();
        ObjectNode record = Json.object();
        record.put("activationId", activationId);
        record.put("namespace", config.namespace());
        record.put("name", trigger.name());
        record.put("version", trigger.version());
        record.put("subject", config.namespace());
        record.put("publish", false);
        record.put("start", receivedAtMillis);
        record.set("response", Json.object().put("status", "success").put("success", true)
                .set("result", payload == null ? Json.object() : payload.deepCopy()));
        ArrayNode logs = record.putArray("logs");
        rules.forEach((rule, link) -> logs.add(Json.text(
                outcome(rule, link, args, transactionId, receivedAtMillis, receivedAtNanos))));
        record.putArray("annotations");
        activator.store(trigger.name(), record);
        return activationId;
    }

    /** One log line: {@code statusCode}, {@code success}, {@code activationId} or {@code error}, rule, action. */
    private ObjectNode outcome(String rule, RuleLink link, ObjectNode args, String transactionId,
            long receivedAtMillis, long receivedAtNanos) {
        ObjectNode line = Json.object();
        String action = link.action().docId();
        if (!link.active()) {
            return failed(line, 1, "Rule '" + rule + "' is inactive, action '" + action + "' was not activated.",
                    rule, action);
        }
        StoredAction target = link.action().namespace().equals(config.namespace())
                ? actions.action(link.action().packageName(), link.action().name()) : null;
        if (target == null) {
            return failed(line, 1, Messages.RESOURCE_DOES_NOT_EXIST, rule, action);
        }
        ObjectNode payload = invocations.boundParameters(target);
        Set<String> fixed = invocations.finalParameters(target, payload);
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field : args.properties()) {
            if (fixed.contains(field.getKey())) {
                return failed(line, 1, Messages.PARAMETERS_NOT_ALLOWED, rule, action);
            }
            payload.set(field.getKey(), field.getValue());
        }
        String activationId = invocations.start(target, payload, transactionId, receivedAtMillis, receivedAtNanos)
                .activationId();
        return line.put("statusCode", 0).put("success", true).put("activationId", activationId)
                .put("rule", rule).put("action", action);
    }

    private static ObjectNode failed(ObjectNode line, int statusCode, String error, String rule, String action) {
        return line.put("statusCode", statusCode).put("success", false).put("error", error).put("rule", rule)
                .put("action", action);
    }
}
