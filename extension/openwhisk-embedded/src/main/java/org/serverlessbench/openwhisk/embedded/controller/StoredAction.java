package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.serverlessbench.openwhisk.embedded.invoker.ActionRevision;

/**
 * An action as stored: the revision the invoker runs, plus what only the API shows.
 *
 * @param revision      what runs; {@code revision.main()} is {@code "main"} when none was declared
 * @param declaredMain  {@code exec.main} as the user gave it, or {@code null}
 * @param publish       the {@code publish} flag
 * @param updated       epoch ms of the last PUT
 * @param components    a sequence's components, fully qualified ({@code /guest/a}); {@code null} for other kinds
 */
record StoredAction(ActionRevision revision, String declaredMain, boolean publish, long updated,
        List<String> components) {

    boolean sequence() {
        return components != null;
    }

    String name() {
        return revision.name();
    }

    String packageName() {
        return revision.packageName();
    }

    /** {@code guest} or {@code guest/pkg}: the {@code namespace} field of the action JSON. */
    String entityNamespace() {
        return revision.packageName() == null ? revision.namespace()
                : revision.namespace() + "/" + revision.packageName();
    }

    /** {@code action} or {@code pkg/action}. */
    String qualifiedName() {
        return revision.packageName() == null ? revision.name() : revision.packageName() + "/" + revision.name();
    }

    ObjectNode exec(boolean includeCode) {
        ObjectNode exec = Json.object().put("kind", revision.kind());
        if (sequence()) {
            components.forEach(exec.putArray("components")::add);
            return exec;
        }
        if (revision.image() != null) {
            exec.put("image", revision.image());
        }
        if (includeCode && revision.code() != null) {
            exec.put("code", revision.code());
        }
        exec.put("binary", revision.binary());
        if (declaredMain != null) {
            exec.put("main", declaredMain);
        }
        return exec;
    }

    /** The full action JSON of GET and PUT; without {@code exec.code} when {@code includeCode} is false. */
    ObjectNode toJson(boolean includeCode) {
        ObjectNode json = Json.object();
        json.put("namespace", entityNamespace());
        json.put("name", revision.name());
        json.put("version", revision.version());
        json.put("publish", publish);
        json.set("exec", exec(includeCode));
        json.set("annotations", revision.annotations().deepCopy());
        json.set("parameters", revision.parameters().deepCopy());
        json.set("limits", revision.limitsJson(Json.object()));
        json.put("updated", updated);
        return json;
    }

    /** The list view: no code, no parameters, {@code exec} reduced to {@code binary}. */
    ObjectNode summaryJson() {
        ObjectNode json = Json.object();
        json.put("namespace", entityNamespace());
        json.put("name", revision.name());
        json.put("version", revision.version());
        json.put("publish", publish);
        json.set("annotations", revision.annotations().deepCopy());
        json.set("limits", revision.limitsJson(Json.object()));
        json.set("exec", Json.object().put("binary", revision.binary()));
        json.put("updated", updated);
        return json;
    }
}
