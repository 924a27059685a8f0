package org.serverlessbench.openwhisk.junit.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.serverlessbench.openwhisk.client.RuntimeKind;

/**
 * The runtime kinds a target offers, as {@code GET /api/v1} lists them (as {@code wsk} learns them): to check a
 * function's kind and to resolve {@code <family>:default} aliases.
 *
 * @param defaults family to its default kind, e.g. {@code java} to {@code java:8}
 * @param kinds    every kind the target lists
 */
record RuntimeKinds(Map<String, String> defaults, Set<String> kinds) {

    /** A target that did not say: aliases stay unresolved and every kind passes. */
    static final RuntimeKinds UNKNOWN = new RuntimeKinds(Map.of(), Set.of());

    RuntimeKinds {
        defaults = Map.copyOf(defaults);
        kinds = Set.copyOf(kinds);
    }

    static RuntimeKinds of(Map<String, List<RuntimeKind>> runtimes) {
        Map<String, String> defaults = new HashMap<>();
        Set<String> kinds = new TreeSet<>();
        runtimes.forEach((family, offered) -> {
            offered.forEach(kind -> kinds.add(kind.kind()));
            offered.stream().filter(RuntimeKind::isDefault).findFirst()
                    .ifPresent(kind -> defaults.put(family, kind.kind()));
        });
        return new RuntimeKinds(defaults, kinds);
    }

    /** The kind an alias stands for on this target, e.g. {@code java:default} to {@code java:8}; others as given. */
    String resolve(String kind) {
        int colon = kind.indexOf(':');
        if (colon < 0 || !kind.endsWith(":default")) {
            return kind;
        }
        return defaults.getOrDefault(kind.substring(0, colon), kind);
    }

    /** What is wrong with {@code kind} on this target (it does not offer it), or empty. */
    Optional<String> check(String kind) {
        if (kinds.isEmpty() || kinds.contains(resolve(kind))) {
            return Optional.empty();
        }
        return Optional.of("the kind is \"" + kind + "\", but the target offers only " + String.join(", ",
                new TreeSet<>(kinds)) + " and their <family>:default aliases (GET /api/v1 runtimes); set 'kind' to"
                + " one of them");
    }
}
