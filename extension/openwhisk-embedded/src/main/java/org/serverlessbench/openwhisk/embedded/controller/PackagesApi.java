package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/** {@code /namespaces/{ns}/packages}: list, get (with its actions), PUT, DELETE ({@code force}). No bindings. */
final class PackagesApi {
    private static final String COLLECTION = "packages";

    private final EntityStore store;
    private final ControllerConfig config;

    PackagesApi(EntityStore store, ControllerConfig config) {
        this.store = store;
        this.config = config;
    }

    Reply handle(Request request, List<String> rest) {
        if (ListParams.namesCollection(rest)) {
            if (!request.method().equals("GET")) {
                throw ApiException.methodNotAllowed("GET");
            }
            return ListParams.reply(request, COLLECTION, store.packages(), StoredPackage::summaryJson);
        }
        if (rest.size() != 1) {
            throw ApiException.notFound();
        }
        String name = NamespaceGuard.checkName(rest.get(0));
        return switch (request.method()) {
            case "GET" -> {
                StoredPackage pkg = store.pkg(name);
                if (pkg == null) {
                    throw ApiException.notFound();
                }
                yield Reply.json(200, pkg.toJson(store.actions(name, false)));
            }
            case "PUT" -> put(request, name);
            case "DELETE" -> Reply.json(200, store.deletePackage(name, request.booleanParam("force", false))
                    .toJson(null));
            default -> throw ApiException.methodNotAllowed("GET, PUT, DELETE");
        };
    }


    private Reply put(Request request, String name) {
        boolean overwrite = request.booleanParam("overwrite", false);
        if (name.equals("default")) {
            throw ApiException.badRequest(Messages.packageNameIsReserved(name));
        }
        JsonNode body = Json.parseObjectBody(request.body(ControllerConfig.MAX_PAYLOAD_BYTES * 2));
        JsonNode binding = body.get("binding");
        boolean noBinding = binding == null || binding.isNull() || (binding.isBoolean() && !binding.booleanValue())
                || (binding.isObject() && binding.isEmpty());
        if (!noBinding) {
            throw ApiException.badRequest("The embedded OpenWhisk does not support package bindings; create the"
                    + " package '" + name + "' with its own parameters instead of binding it to another package.");
        }
        ArrayNode parameters = KeyValues.read(body, "parameters");
        ArrayNode annotations = KeyValues.read(body, "annotations");
        JsonNode versionNode = body.get("version");
        String version = versionNode != null && versionNode.isTextual() ? versionNode.textValue() : null;
        Boolean publish = body.hasNonNull("publish") ? body.get("publish").asBoolean() : null;
        StoredPackage stored = store.putPackage(name, existing -> {
            long now = System.currentTimeMillis();
            if (existing == null) {
                return new StoredPackage(config.namespace(), name, version == null ? "0.0.1" : version,
                        publish != null && publish, parameters == null ? Json.array() : parameters,
                        annotations == null ? Json.array() : annotations, now);
            }
            if (!overwrite) {
                throw new ApiException(409, Messages.ALREADY_EXISTS);
            }
            return new StoredPackage(config.namespace(), name,
                    version != null ? version : ActionPut.nextPatch(existing.version()),
                    publish != null ? publish : existing.publish(),
                    parameters != null ? parameters : existing.parameters(),
                    annotations != null ? annotations : existing.annotations(), now);
        });
        return Reply.json(200, stored.toJson(null));
    }
}
