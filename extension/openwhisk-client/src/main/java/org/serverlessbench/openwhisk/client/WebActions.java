package org.serverlessbench.openwhisk.client;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** Calls {@code /api/v1/web/{namespace}/{package}/{action}.{ext}}; any status is an answer, not an error. */
final class WebActions {

    private final HttpTransport transport;
    private final Supplier<String> namespace;

    /** @param namespace the namespace to use when a request names none (never {@code _}) */
    WebActions(HttpTransport transport, Supplier<String> namespace) {
        this.transport = transport;
        this.namespace = namespace;
    }

    WebResponse invoke(WebRequest request) {
        String method = request.effectiveMethod();
        String target = request.packageOrDefault() + "/" + request.action();
        Operation operation = new Operation("invoke web action", target);
        HttpUrl url = url(request);
        Request.Builder http = new Request.Builder().url(url).method(method, body(request, method));
        request.headers().forEach(http::header);
        HttpAnswer answer = transport.sendUnauthenticated(operation, http.build());
        return new WebResponse(answer.status(), answer.headers().toMultimap(), answer.body(),
                Optional.ofNullable(answer.activationIdHeader()));
    }

    private HttpUrl url(WebRequest request) {
        String ns = request.namespace() != null ? request.namespace() : namespace.get();
        String last = request.extension() == null ? request.action() : request.action() + "." + request.extension();
        HttpUrl.Builder url = transport.api().addPathSegment("web").addPathSegment(ns)
                .addPathSegment(request.packageOrDefault()).addPathSegment(last);
        String suffix = request.pathSuffix();
        if (suffix != null && !suffix.isEmpty() && !suffix.equals("/")) {
            url.addPathSegments(suffix.startsWith("/") ? suffix.substring(1) : suffix);
        }
        if (request.query() != null && !request.query().isEmpty()) {
            url.encodedQuery(request.query());
        }
        return url.build();
    }

    private static RequestBody body(WebRequest request, String method) {
        byte[] body = request.body();
        if (body != null && (method.equals("GET") || method.equals("HEAD"))) {
            throw new IllegalArgumentException("A web request with method " + method + " cannot have a body ("
                    + request.action() + "); use POST, PUT, PATCH or DELETE.");
        }
        if (body == null) {
            return (method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))
                    ? RequestBody.create(new byte[0], null) : null;
        }
        return RequestBody.create(body, contentType(request.headers()));
    }

    private static MediaType contentType(Map<String, String> headers) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                return MediaType.parse(header.getValue());
            }
        }
        return null;
    }
}
