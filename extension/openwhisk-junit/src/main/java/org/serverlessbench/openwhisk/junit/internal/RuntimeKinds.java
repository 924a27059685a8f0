package org.serverlessbench.openwhisk.junit.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.serverlessbench.openwhisk.client.RuntimeKind;

/**
 * The runtime kinds a target offers, as {@code GET /api/v1} lists them: the default kind of each family, to resolve
 * {@code <family>:default} aliases.
 *
 * @param defaults family to its default kind, e.g. {@code java} to {@code java:8}
 */
record RuntimeKinds(Map<String, String> defaults) {

    /** A target that did not say: aliases stay unresolved. */
    static final RuntimeKinds UNKNOWN = new RuntimeKinds(Map.of());

    RuntimeKinds {
        defaults = Map.copyOf(defaults);
    }

    static RuntimeKinds of(Map<String, List<RuntimeKind>> runtimes) {
        Map<String, String> defaults = new HashMap<>();
        runtimes.forEach((family, kinds) -> kinds.stream().filter(RuntimeKind::isDefault).findFirst()
                .ifPresent(kind -> defaults.put(family, kind.kind())));
        return new RuntimeKinds(defaults);
    }

    /** The kind an alias stands for on this target, e.g. {@code java:default} to {@code java:8}; others as given. */
    String resolve(String kind) {
        int colon = kind.indexOf(':');
        if (colon < 0 || !kind.endsWith(":default")) {
            return kind;
        }
        return defaults.getOrDefault(kind.substring(0, colon), kind);
    }
}
