package org.serverlessbench.openwhisk.embedded.invoker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds activation records in the API view of §2 ({@code WhiskActivation.toExtendedJson}). */
final class ActivationRecords {

    private ActivationRecords() {
    }

    /**
     * @param initTimeMs the {@code /init} duration on a cold start, or {@code null} when warm or not initialised
     * @param waitTimeMs from receipt by the controller to the start of {@code /init} or {@code /run}, or {@code null}
     */
    static ObjectNode build(ActivationRequest request, ActivationResult result, long startMs, long endMs,
                            Long initTimeMs, Long waitTimeMs, boolean timedOut, List<String> logs) {
        ActionRevision action = request.action();
        ObjectNode record = Json.NODES.objectNode();
        record.put("activationId", request.activationId());
        record.put("namespace", action.namespace());
        record.put("name", action.name());
        record.put("version", action.version());
        record.put("subject", request.subject());
        record.put("publish", false);
        record.put("start", startMs);
        record.put("end", endMs);
        record.put("duration", endMs - startMs);
        if (request.cause() != null) {
            record.put("cause", request.cause());
        }
        record.set("response", result.toJson());
        ArrayNode logArray = record.putArray("logs");
        for (String line : logs) {
            logArray.add(line);
        }
        ArrayNode annotations = record.putArray("annotations");
        annotations.addObject().put("key", "limits").set("value", action.limitsJson(Json.NODES.objectNode()));
        annotations.addObject().put("key", "path").put("value", action.path());
        annotations.addObject().put("key", "kind").put("value", action.kind());
        annotations.addObject().put("key", "timeout").put("value", timedOut);
        if (request.cause() != null) {
            annotations.addObject().put("key", "causedBy").put("value", "sequence");
        }
        if (initTimeMs != null) {
            annotations.addObject().put("key", "initTime").put("value", initTimeMs);
        }
        if (waitTimeMs != null) {
            annotations.addObject().put("key", "waitTime").put("value", waitTimeMs);
        }
        return record;
    }

    /** A record for an activation that never reached a container (a whisk internal error). */
    static ObjectNode notRun(ActivationRequest request, String message) {
        long now = System.currentTimeMillis();
        long waitMs = Math.max(0, (System.nanoTime() - request.receivedAtNanos()) / 1_000_000);
        return build(request, ActivationResult.whiskError(message), now, now, null, waitMs, false, List.of());
    }

    /** {@code action} or {@code pkg/action}: what the activation list's {@code name} filter matches. */
    static String filterName(ActionRevision action) {
        return action.packageName() == null ? action.name() : action.packageName() + "/" + action.name();
    }
}
