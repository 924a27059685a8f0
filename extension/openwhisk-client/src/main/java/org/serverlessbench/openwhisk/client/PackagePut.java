package org.serverlessbench.openwhisk.client;

import java.util.List;

/** The body of {@code PUT /namespaces/{ns}/packages/{name}}; null fields are left out. */
public record PackagePut(List<KeyValue> parameters, List<KeyValue> annotations, Boolean publish) {

    public PackagePut {
        parameters = parameters == null ? null : List.copyOf(parameters);
        annotations = annotations == null ? null : List.copyOf(annotations);
    }

    public static PackagePut empty() {
        return new PackagePut(null, null, null);
    }
}
