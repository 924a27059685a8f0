package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code components} of a sequence action: read from a PUT body, and checked against the stored actions as
 * OpenWhisk checks them (every component exists, at most {@link ControllerConfig#MAX_SEQUENCE_LENGTH} atomic actions
 * with nested sequences counted, no cycle through the sequence itself).
 */
final class SequenceComponents {
    static final String TOO_LONG = "Too many actions in the sequence.";
    static final String NO_COMPONENT = "No component specified for the sequence.";
    static final String CYCLIC = "Sequence may not refer to itself.";
    static final String COMPONENT_NOT_FOUND = "Sequence component does not exist.";

    private SequenceComponents() {
    }

    /** The components as fully qualified names with a leading slash and {@code _} resolved to {@code namespace}. */
    static List<String> parse(JsonNode components, String namespace) {
        if (components == null || components.isNull()) {
            throw ApiException.malformedContent("'components' must be defined for sequence kind");
        }
        if (!components.isArray()) {
            throw ApiException.malformedContent("'components' must be an array");
        }
        if (components.isEmpty()) {
            throw ApiException.badRequest(NO_COMPONENT);
        }
        if (components.size() > ControllerConfig.MAX_SEQUENCE_LENGTH) {
            throw ApiException.badRequest(TOO_LONG);
        }
        List<String> names = new ArrayList<>(components.size());
        for (JsonNode component : components) {
            names.add(QualifiedName.parse(component, namespace, "components").withLeadingSlash());
        }
        return List.copyOf(names);
    }

    /** The stored action a component names, or {@code null}. */
    static StoredAction resolve(EntityStore store, String namespace, String component) {
        QualifiedName name = QualifiedName.of(component);
        return name.namespace().equals(namespace) ? store.action(name.packageName(), name.name()) : null;
    }

    /** Checks the sequence {@code self} ({@code /guest/[pkg/]name}) made of {@code components} before it is stored. */
    static void check(EntityStore store, String namespace, String self, List<String> components) {
        if (atomicActions(store, namespace, self, components, 0) > ControllerConfig.MAX_SEQUENCE_LENGTH) {
            throw ApiException.badRequest(TOO_LONG);
        }
    }

    private static int atomicActions(EntityStore store, String namespace, String self, List<String> components,
            int depth) {
        if (depth > ControllerConfig.MAX_SEQUENCE_LENGTH) {
            throw ApiException.badRequest(TOO_LONG);
        }
        int count = 0;
        for (String component : components) {
            if (component.equals(self)) {
                throw ApiException.badRequest(CYCLIC);
            }
            StoredAction action = resolve(store, namespace, component);
            if (action == null) {
                throw ApiException.badRequest(COMPONENT_NOT_FOUND);
            }
            count += action.sequence() ? atomicActions(store, namespace, self, action.components(), depth + 1) : 1;
            if (count > ControllerConfig.MAX_SEQUENCE_LENGTH) {
                throw ApiException.badRequest(TOO_LONG);
            }
        }
        return count;
    }
}
