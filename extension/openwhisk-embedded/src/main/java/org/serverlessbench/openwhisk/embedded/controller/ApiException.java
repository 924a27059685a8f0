package org.serverlessbench.openwhisk.embedded.controller;

/** A request the API refuses; becomes {@code {"error": message, "code": transactionId}} with {@code status}. */
final class ApiException extends RuntimeException {
    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    /** The shape Pekko/Akka gives entity deserialisation failures. */
    static ApiException malformedContent(String detail) {
        return new ApiException(400, "The request content was malformed:\n" + detail);
    }

    /** The shape Pekko/Akka gives a query parameter that does not parse. */
    static ApiException malformedQuery(String parameter, String detail) {
        return new ApiException(400, "The query parameter '" + parameter + "' was malformed:\n" + detail);
    }

    static ApiException notFound() {
        return new ApiException(404, Messages.RESOURCE_DOES_NOT_EXIST);
    }

    static ApiException forbidden() {
        return new ApiException(403, Messages.NOT_AUTHORIZED);
    }

    static ApiException methodNotAllowed(String allowed) {
        return new ApiException(405, "HTTP method not allowed, supported methods: " + allowed);
    }
}
