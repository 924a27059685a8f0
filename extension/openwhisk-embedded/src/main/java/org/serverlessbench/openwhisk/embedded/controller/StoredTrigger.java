package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trigger as stored.
 *
 * @param rules its rules by fully qualified rule name ({@code guest/rule}), in the order they were linked;
 *              {@code null} until a rule was first linked (OpenWhisk then leaves {@code rules} out of the JSON)
 */
record StoredTrigger(String namespace, String name, String version, boolean publish, ArrayNode parameters,
        ArrayNode annotations, Map<String, RuleLink> rules, long updated) {

    StoredTrigger withRule(String ruleName, RuleLink link) {
        Map<String, RuleLink> linked = rules == null ? new LinkedHashMap<>() : new LinkedHashMap<>(rules);
        linked.put(ruleName, link);
        return new StoredTrigger(namespace, name, version, publish, parameters, annotations,
                Collections.unmodifiableMap(linked), updated);
    }

    StoredTrigger withoutRule(String ruleName) {
        if (rules == null || !rules.containsKey(ruleName)) {
            return this;
        }
        Map<String, RuleLink> linked = new LinkedHashMap<>(rules);
        linked.remove(ruleName);
        return new StoredTrigger(namespace, name, version, publish, parameters, annotations,
                Collections.unmodifiableMap(linked), updated);
    }

    /** The status of {@code ruleName} as this trigger records it; a rule it does not know is inactive. */
    boolean isActive(String ruleName) {
        RuleLink link = rules == null ? null : rules.get(ruleName);
        return link != null && link.active();
    }

    /** The list view: no parameters, limits or rules. */
    ObjectNode summaryJson() {
        ObjectNode json = Json.object();
        json.put("namespace", namespace);
        json.put("name", name);
        json.put("version", version);
        json.put("publish", publish);
        json.set("annotations", annotations.deepCopy());
        json.put("updated", updated);
        return json;
    }

    /** GET, PUT and DELETE view, in the field order of OpenWhisk's {@code WhiskTrigger}. */
    ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("namespace", namespace);
        json.put("name", name);
        json.set("parameters", parameters.deepCopy());
        json.putObject("limits");
        json.put("version", version);
        json.put("publish", publish);
        json.set("annotations", annotations.deepCopy());
        if (rules != null) {
            ObjectNode links = json.putObject("rules");
            rules.forEach((rule, link) -> links.set(rule, link.toJson()));
        }
        json.put("updated", updated);
        return json;
    }
}
