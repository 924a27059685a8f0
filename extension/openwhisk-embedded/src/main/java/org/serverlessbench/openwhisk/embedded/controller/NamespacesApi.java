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
     * The namespace's limits, every field OpenWhisk's {@code Limits} API fills in, in its order. The embedded
     * OpenWhisk does not throttle, so the throttle fields carry {@link ControllerConfig#NOT_THROTTLED}.
     */
    Reply limits(Request request, List<String> rest) {
        if (!ListParams.namesCollection(rest)) {
            throw ApiException.notFound();
        }
        if (!request.method().equals("GET")) {
            throw ApiException.methodNotAllowed("GET");
        }
        return Reply.json(200, Json.object()
                .put("invocationsPerMinute", ControllerConfig.NOT_THROTTLED)
                .put("concurrentInvocations", ControllerConfig.NOT_THROTTLED)
                .put("firesPerMinute", ControllerConfig.NOT_THROTTLED)
                .put("minActionMemory", config.minMemoryMb())
                .put("maxActionMemory", config.maxMemoryMb())
                .put("minActionLogs", ControllerConfig.MIN_LOGS_MB)
                .put("maxActionLogs", ControllerConfig.MAX_LOGS_MB)
                .put("minActionTimeout", ControllerConfig.MIN_TIMEOUT_MS)
                .put("maxActionTimeout", ControllerConfig.MAX_TIMEOUT_MS)
                .put("minActionConcurrency", ControllerConfig.MIN_CONCURRENCY)
                .put("maxActionConcurrency", ControllerConfig.MAX_CONCURRENCY)
                .put("maxParameterSize", byteSize(ControllerConfig.MAX_PAYLOAD_BYTES))
                .put("maxActionInstances", ControllerConfig.NOT_THROTTLED));
    }

    /** OpenWhisk's {@code ByteSize} text: {@code "1 MB"}, or bytes when not a whole number of megabytes. */
    private static String byteSize(long bytes) {
        long mb = 1024L * 1024;
        return bytes % mb == 0 ? bytes / mb + " MB" : bytes + " B";
    }
}
