package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A rule as stored; its status lives in its trigger's {@link RuleLink}, as in OpenWhisk. */
record StoredRule(String namespace, String name, QualifiedName trigger, QualifiedName action, String version,
        boolean publish, ArrayNode annotations, long updated) {

    /** {@code guest/rule}: the key of its link in the trigger. */
    String qualifiedName() {
        return namespace + "/" + name;
    }

    /** The list view (OpenWhisk lists whole rules, without status). */
    ObjectNode toJson() {
        return json(null);
    }

    /** GET, PUT and DELETE view: with {@code status}. */
    ObjectNode toJson(boolean active) {
        return json(RuleLink.status(active));
    }

    private ObjectNode json(String status) {
        ObjectNode json = Json.object();
        json.put("namespace", namespace);
        json.put("name", name);
        if (status != null) {
            json.put("status", status);
        }
        json.set("trigger", trigger.toJson());
        json.set("action", action.toJson());
        json.put("version", version);
        json.put("publish", publish);
        json.set("annotations", annotations.deepCopy());
        json.put("updated", updated);
        return json;
    }
}
