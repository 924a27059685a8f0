package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A package (never a binding: the embedded OpenWhisk has no package bindings). */
record StoredPackage(String namespace, String name, String version, boolean publish, ArrayNode parameters,
        ArrayNode annotations, long updated) {

    /** The list view, as OpenWhisk's {@code packages} view emits it: {@code binding} is {@code false} for a package. */
    ObjectNode summaryJson() {
        return common().put("binding", false);
    }

    private ObjectNode common() {
        ObjectNode json = Json.object();
        json.put("namespace", namespace);
        json.put("name", name);
        json.put("version", version);
        json.put("publish", publish);
        json.set("annotations", annotations.deepCopy());
        json.put("updated", updated);
        return json;
    }

    /** GET/PUT/DELETE view: also the parameters, and on GET the actions it holds. */
    ObjectNode toJson(List<StoredAction> actions) {
        ObjectNode json = common();
        json.set("binding", Json.object());
        json.set("parameters", parameters.deepCopy());
        if (actions != null) {
            ArrayNode list = json.putArray("actions");
            for (StoredAction action : actions) {
                list.addObject().put("name", action.name()).put("version", action.revision().version())
                        .set("annotations", action.revision().annotations().deepCopy());
            }
            json.putArray("feeds");
        }
        return json;
    }
}
