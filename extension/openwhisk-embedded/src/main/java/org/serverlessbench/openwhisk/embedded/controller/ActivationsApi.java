package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.serverlessbench.openwhisk.embedded.invoker.Activator;

/** {@code /namespaces/{ns}/activations}: list (summaries or docs, or a count), get, logs and result. */
final class ActivationsApi {
    private static final String COLLECTION = "activations";

    private final Activator activator;
    private final String namespace;

    ActivationsApi(Activator activator, String namespace) {
        this.activator = activator;
        this.namespace = namespace;
    }

    Reply handle(Request request, List<String> rest) {
        if (!request.method().equals("GET")) {
            throw ApiException.methodNotAllowed("GET");
        }
        if (ListParams.namesCollection(rest)) {
            return list(request);
        }
        if (rest.size() > 2) {
            throw ApiException.notFound();
        }
        String id = rest.get(0);
        if (!Ids.isActivationId(id)) {
            throw ApiException.badRequest(Messages.ACTIVATION_ID_ILLEGAL);
        }
        ObjectNode record = activator.activation(namespace, id.toLowerCase(Locale.ROOT))
                .orElseThrow(ApiException::notFound);
        if (rest.size() == 1) {
            return Reply.json(200, record);
        }
        return switch (rest.get(1)) {
            case "logs" -> Reply.json(200, Json.object().set("logs", record.path("logs").deepCopy()));
            case "result" -> Reply.json(200, record.path("response").deepCopy());
            default -> throw ApiException.notFound();
        };
    }

    private Reply list(Request request) {
        ListParams params = ListParams.of(request, COLLECTION);
        boolean docs = request.booleanParam("docs", false);
        if (docs && params.count()) {
            throw ApiException.badRequest(Messages.DOCS_NOT_ALLOWED_WITH_COUNT);
        }
        String name = request.queryParam("name");
        if (name != null) {
            String[] parts = name.split("/", -1);
            if (parts.length > 2) {
                throw ApiException.badRequest(Messages.badNameFilter(name));
            }
            for (String part : parts) {
                if (part.isEmpty()) {
                    throw ApiException.badRequest(Messages.badNameFilter(name));
                }
            }
        }
        Long since = epoch(request, "since");
        Long upto = epoch(request, "upto");
        if (params.count()) {
            long count = activator.countActivations(namespace, name, since, upto);
            return Reply.json(200, Json.object().put(COLLECTION, Math.max(0, count - params.skip())));
        }
        ArrayNode list = Json.array();
        for (ObjectNode record : activator.activations(namespace, name, since, upto, params.skip(), params.limit())) {
            list.add(docs ? record : summary(record));
        }
        return Reply.json(200, list);
    }

    private static Long epoch(Request request, String parameter) {
        String raw = request.queryParam(parameter);
        if (raw == null) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.malformedQuery(parameter, Messages.badEpoch(raw));
        }
    }

    /** The list view of a record: no response, no logs, and a numeric {@code statusCode} when it has ended. */
    static ObjectNode summary(ObjectNode record) {
        ObjectNode summary = Json.object();
        for (String field : new String[] {"namespace", "name", "version", "publish", "annotations", "activationId",
                "start", "cause", "end", "duration"}) {
            JsonNode value = record.get(field);
            if (value != null) {
                summary.set(field, value);
            }
        }
        if (record.has("end")) {
            // A trigger's record has no end, and OpenWhisk's summary then has no statusCode either.
            summary.put("statusCode", statusCode(record.path("response").path("status").asText()));
        }
        return summary;
    }

    private static int statusCode(String status) {
        return switch (status) {
            case "success" -> 0;
            case "application error" -> 1;
            case "action developer error" -> 2;
            default -> 3;
        };
    }
}
