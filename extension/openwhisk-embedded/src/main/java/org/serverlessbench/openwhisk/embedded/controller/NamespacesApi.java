package org.serverlessbench.openwhisk.embedded.controller;

import java.util.List;

/** {@code GET /namespaces} and {@code GET /namespaces/{ns}/limits}. */
final class NamespacesApi {
    private final ControllerConfig config;

    NamespacesApi(ControllerConfig config) {
        this.config = config;
    }

    Reply list(Request request) {
        if (!request.method().equals("GET")) {
            throw ApiException.methodNotAllowed("GET");
        }
        return Reply.json(200, Json.array().add(config.namespace()));
    }

    /**
     * The namespace's limits. The embedded OpenWhisk does not throttle, so {@code invocationsPerMinute},
     * {@code concurrentInvocations} and {@code firesPerMinute} are left out, as OpenWhisk leaves out unset limits.
     */
    Reply limits(Request request, List<String> rest) {
        if (!rest.isEmpty()) {
            throw ApiException.notFound();
        }
        if (!request.method().equals("GET")) {
            throw ApiException.methodNotAllowed("GET");
        }
        return Reply.json(200, Json.object()
                .put("minActionMemory", config.minMemoryMb())
                .put("maxActionMemory", config.maxMemoryMb())
                .put("minActionTimeout", ControllerConfig.MIN_TIMEOUT_MS)
                .put("maxActionTimeout", ControllerConfig.MAX_TIMEOUT_MS)
                .put("minActionLogs", ControllerConfig.MIN_LOGS_MB)
                .put("maxActionLogs", ControllerConfig.MAX_LOGS_MB)
                .put("minActionConcurrency", ControllerConfig.MIN_CONCURRENCY)
                .put("maxActionConcurrency", ControllerConfig.MAX_CONCURRENCY));
    }
}
