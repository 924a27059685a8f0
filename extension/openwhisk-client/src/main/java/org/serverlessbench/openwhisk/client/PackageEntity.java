package org.serverlessbench.openwhisk.client;

import java.util.List;
import java.util.Optional;

/** A package as the server returns it. */
public record PackageEntity(String namespace, String name, String version, boolean publish,
        List<KeyValue> parameters, List<KeyValue> annotations) {

    public PackageEntity {
        parameters = KeyValue.copy(parameters);
        annotations = KeyValue.copy(annotations);
    }

    public Optional<Object> annotation(String key) {
        return KeyValue.find(annotations, key);
    }
}
