package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessbench.openwhisk.embedded.invoker.Activator;

/** The unauthenticated {@code GET /} and {@code GET /api/v1}: API description and the runtimes this machine runs. */
final class InfoApi {
    static final String BUILD = "embedded";

    private final Activator activator;
    private final ControllerConfig config;

    InfoApi(Activator activator, ControllerConfig config) {
        this.activator = activator;
        this.config = config;
    }

    Reply apiV1() {
        ObjectNode json = Json.object();
        json.put("description", "OpenWhisk API (embedded, org.serverlessbench.openwhisk)");
        json.put("api_version", "1.0.0");
        json.put("api_version_path", "v1");
        json.put("build", BUILD);
        json.put("buildno", BUILD);
        json.set("runtimes", runtimes());
        return Reply.json(200, json);
    }

    Reply root() {
        ObjectNode json = Json.object();
        json.putArray("api_paths").add("/api/v1");
        json.put("description", "OpenWhisk (embedded, org.serverlessbench.openwhisk)");
        json.set("limits", Json.object()
                .put("max_action_duration", ControllerConfig.MAX_TIMEOUT_MS)
                .put("max_action_memory", config.maxMemoryMb() * 1024L * 1024L)
                .put("min_action_duration", ControllerConfig.MIN_TIMEOUT_MS)
                .put("min_action_memory", config.minMemoryMb() * 1024L * 1024L)
                .put("max_action_logs", ControllerConfig.MAX_LOGS_MB * 1024L * 1024L)
                .put("min_action_logs", ControllerConfig.MIN_LOGS_MB));
        json.set("runtimes", runtimes());
        return Reply.json(200, json);
    }

    /**
     * {@code {"nodejs": [{"kind": "nodejs:20", "default": true, "available": true}, …], …}}: the kinds of OpenWhisk's
     * manifest, with the reason for each kind that cannot run here.
     */
    private ObjectNode runtimes() {
        ObjectNode runtimes = Json.object();
        for (Map.Entry<String, List<String>> family : Kinds.families().entrySet()) {
            ArrayNode kinds = runtimes.putArray(family.getKey());
            boolean first = true;
            for (String kind : family.getValue()) {
                kinds.add(entry(kind, first));
                first = false;
            }
        }
        runtimes.putArray(Kinds.BLACKBOX).add(entry(Kinds.BLACKBOX, true));
        return runtimes;
    }

    private ObjectNode entry(String kind, boolean isDefault) {
        ObjectNode entry = Json.object().put("kind", kind).put("default", isDefault);
        Optional<String> unavailable = activator.unavailableReason(kind);
        entry.put("available", unavailable.isEmpty());
        unavailable.ifPresent(reason -> entry.put("unavailableReason", reason));
        return entry;
    }
}
