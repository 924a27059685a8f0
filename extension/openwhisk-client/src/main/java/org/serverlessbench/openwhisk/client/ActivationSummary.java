package org.serverlessbench.openwhisk.client;

import java.util.List;
import java.util.Optional;

/**
 * One item of an activation list without {@code docs=true}: no result and no logs.
 *
 * @param statusCode 0 success, 1 application error, 2 action developer error, 3 whisk internal error; null if absent
 */
public record ActivationSummary(String activationId, String namespace, String name, String version, long start,
        long end, long duration, Integer statusCode, List<KeyValue> annotations) {

    public ActivationSummary {
        annotations = KeyValue.copy(annotations);
    }

    public Optional<Object> annotation(String key) {
        return KeyValue.find(annotations, key);
    }
}
