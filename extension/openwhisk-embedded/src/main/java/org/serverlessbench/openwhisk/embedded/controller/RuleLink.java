package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a trigger knows of one of its rules, as OpenWhisk's {@code ReducedRule}: the action and the rule's status. */
record RuleLink(QualifiedName action, boolean active) {
    static final String ACTIVE = "active";
    static final String INACTIVE = "inactive";

    static String status(boolean active) {
        return active ? ACTIVE : INACTIVE;
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.set("action", action.toJson());
        return json.put("status", status(active));
    }
}
