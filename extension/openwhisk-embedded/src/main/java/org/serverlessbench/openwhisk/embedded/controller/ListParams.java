package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.function.Function;

/**
 * {@code limit}, {@code skip} and {@code count} of a list request, validated as OpenWhisk does: limit 1..200 (default
 * 30, 0 means 200), skip ≥ 0.
 */
record ListParams(int limit, int skip, boolean count) {
    static final int DEFAULT_LIMIT = 30;
    static final int MAX_LIMIT = 200;

    static ListParams of(Request request, String collection) {
        int limit = DEFAULT_LIMIT;
        String rawLimit = request.queryParam("limit");
        if (rawLimit != null) {
            long value = integer(rawLimit, "limit", collection);
            if (value < 0 || value > MAX_LIMIT) {
                throw ApiException.malformedQuery("limit", Messages.listLimitOutOfRange(collection, value, MAX_LIMIT));
            }
            limit = value == 0 ? MAX_LIMIT : (int) value;
        }
        int skip = 0;
        String rawSkip = request.queryParam("skip");
        if (rawSkip != null) {
            long value = integer(rawSkip, "skip", collection);
            if (value < 0) {
                throw ApiException.malformedQuery("skip", Messages.listSkipOutOfRange(collection, value));
            }
            skip = (int) Math.min(value, Integer.MAX_VALUE);
        }
        return new ListParams(limit, skip, request.booleanParam("count", false));
    }

    private static long integer(String raw, String parameter, String collection) {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.malformedQuery(parameter, Messages.argumentNotInteger(collection, raw));
        }
    }

    <T> List<T> page(List<T> all) {
        if (skip >= all.size()) {
            return List.of();
        }
        return all.subList(skip, Math.min(all.size(), skip + limit));
    }

    /**
     * The answer to listing {@code all} entities of {@code collection} as {@code request} asks: with {@code count},
     * {@code {"<collection>": n}} (those after {@code skip}), otherwise the page of them, each as {@code json}
     * makes it.
     */
    static <T> Reply reply(Request request, String collection, List<T> all, Function<T, JsonNode> json) {
        ListParams params = of(request, collection);
        if (params.count()) {
            return Reply.json(200, Json.object().put(collection, Math.max(0, all.size() - params.skip())));
        }
        ArrayNode list = Json.array();
        params.page(all).forEach(entity -> list.add(json.apply(entity)));
        return Reply.json(200, list);
    }

    /** Whether {@code rest}, the path segments after a collection's name, names the collection itself. */
    static boolean namesCollection(List<String> rest) {
        return rest.isEmpty() || (rest.size() == 1 && rest.get(0).isEmpty());
    }
}
