package org.serverlessbench.openwhisk.client;

import java.util.Arrays;
import java.util.List;

/**
 * A name as users write it, split into URL path segments: {@code action}, {@code pkg/action}, or fully qualified
 * {@code /namespace/action} and {@code /namespace/pkg/action}.
 */
record EntityPath(String namespace, List<String> segments) {

    /**
     * @param kind        {@code action}, {@code package} or {@code activation}, for messages
     * @param maxSegments 2 for actions (package and action), 1 for packages and activations
     */
    static EntityPath parse(String kind, String name, String defaultNamespace, int maxSegments) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The " + kind + " name is required but was "
                    + (name == null ? "null" : "blank"));
        }
        String namespace = defaultNamespace;
        String rest = name;
        if (name.startsWith("/")) {
            int slash = name.indexOf('/', 1);
            if (slash < 0) {
                throw new IllegalArgumentException("The fully qualified " + kind + " name '" + name
                        + "' has no name after the namespace: use /namespace/name.");
            }
            namespace = name.substring(1, slash);
            rest = name.substring(slash + 1);
        }
        List<String> segments = Arrays.asList(rest.split("/", -1));
        if (segments.size() > maxSegments || segments.stream().anyMatch(String::isBlank) || namespace.isBlank()) {
            String shape = maxSegments == 1 ? "name or /namespace/name"
                    : "name, package/name or /namespace/package/name";
            throw new IllegalArgumentException("The " + kind + " name '" + name + "' is not valid: use " + shape + ".");
        }
        return new EntityPath(namespace, List.copyOf(segments));
    }

    /** The name without the namespace, for example {@code pkg/action}. */
    String relativeName() {
        return String.join("/", segments);
    }
}
