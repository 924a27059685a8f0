package org.serverlessbench.openwhisk.embedded.controller;

import com.sun.net.httpserver.Headers;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A request read by Jetty, answered through its {@link Response} and completed through its {@link Callback}. */
final class JettyExchange implements Exchange {
    /** Fields that are on nearly every answer, encoded once instead of on each. */
    private static final Map<Map.Entry<String, String>, HttpField> PRE_ENCODED = ControllerServer.API_CORS.stream()
            .collect(Collectors.toUnmodifiableMap(header -> header,
                    header -> new PreEncodedHttpField(header.getKey(), header.getValue())));
    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, Reply.JSON);

    private final org.eclipse.jetty.server.Request request;
    private final Response response;
    private final Callback callback;
    private Headers headers;
    private InputStream body;

    JettyExchange(org.eclipse.jetty.server.Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String rawPath() {
        String path = request.getHttpURI().getPath();
        return path == null ? "" : path;
    }

    @Override
    public String rawQuery() {
        return request.getHttpURI().getQuery();
    }

    @Override
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    @Override
    public Headers headers() {
        if (headers == null) {
            Headers copy = new Headers();
            for (HttpField field : request.getHeaders()) {
                copy.add(field.getName(), field.getValue());
            }
            headers = copy;
        }
        return headers;
    }

    @Override
    public InputStream body() {
        if (body == null) {
            body = Content.Source.asInputStream(request);
        }
        return body;
    }

    @Override
    public void respond(int status, String contentType, List<Map.Entry<String, String>> extra, byte[] content) {
        response.setStatus(status);
        HttpFields.Mutable fields = response.getHeaders();
        for (Map.Entry<String, String> header : extra) {
            HttpField field = PRE_ENCODED.get(header);
            if (field != null) {
                fields.add(field);
            } else {
                fields.add(header.getKey(), header.getValue());
            }
        }
        if (Reply.JSON.equals(contentType)) {
            fields.put(JSON);
        } else if (contentType != null) {
            fields.put(HttpHeader.CONTENT_TYPE, contentType);
        }
        if (content == null) {
            response.write(true, null, callback);
        } else {
            fields.put(HttpHeader.CONTENT_LENGTH, content.length);
            response.write(true, ByteBuffer.wrap(content), callback);
        }
    }
}
