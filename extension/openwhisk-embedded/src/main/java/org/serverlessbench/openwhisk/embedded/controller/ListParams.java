package org.serverlessbench.openwhisk.embedded.controller;

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

    <T> java.util.List<T> page(java.util.List<T> all) {
        if (skip >= all.size()) {
            return java.util.List.of();
        }
        return all.subList(skip, Math.min(all.size(), skip + limit));
    }
}
