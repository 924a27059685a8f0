package org.serverlessbench.openwhisk.embedded.controller;

import java.util.List;

/**
 * Triggers and rules, which the embedded OpenWhisk does not implement: the collections list as empty (so
 * {@code wsk list} works), entities do not exist, and creating one is refused with a message saying why.
 */
final class UnsupportedCollectionApi {
    private final String collection;

    UnsupportedCollectionApi(String collection) {
        this.collection = collection;
    }

    Reply handle(Request request, List<String> rest) {
        boolean collectionPath = rest.isEmpty() || (rest.size() == 1 && rest.get(0).isEmpty());
        if (collectionPath) {
            if (!request.method().equals("GET")) {
                throw ApiException.methodNotAllowed("GET");
            }
            ListParams params = ListParams.of(request, collection);
            return params.count() ? Reply.json(200, Json.object().put(collection, 0)) : Reply.json(200, Json.array());
        }
        if (request.method().equals("PUT")) {
            throw ApiException.badRequest("The embedded OpenWhisk does not support " + collection
                    + "; invoke the action directly instead (see docs/embedded-openwhisk.md, deviations).");
        }
        throw ApiException.notFound();
    }
}
