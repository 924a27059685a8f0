package org.serverlessbench.openwhisk.client;

import java.util.List;
import java.util.Optional;

/**
 * An action as the server returns it.
 *
 * @param namespace   {@code guest}, or {@code guest/pkg} for an action inside a package
 * @param updated     epoch milliseconds of the last change, null when the server left it out
 */
public record Action(String namespace, String name, String version, boolean publish, Exec exec, ActionLimits limits,
        List<KeyValue> parameters, List<KeyValue> annotations, Long updated) {

    public Action {
        parameters = KeyValue.copy(parameters);
        annotations = KeyValue.copy(annotations);
    }

    /** The value of annotation {@code key}, for example {@code web-export} or {@code exec}. */
    public Optional<Object> annotation(String key) {
        return KeyValue.find(annotations, key);
    }

    /** The value of bound parameter {@code key}. */
    public Optional<Object> parameter(String key) {
        return KeyValue.find(parameters, key);
    }
}
