package org.serverlessbench.openwhisk.embedded.controller;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One incoming request: method, decoded path segments below {@code /api/v1}, query, headers and a size-checked body.
 */
final class Request {
    private static final long MAX_DISCARD_BYTES = 64L * 1024 * 1024;
    private final Exchange exchange;
    private final String method;
    private final List<String> segments;
    private final String rawQuery;
    private final String transactionId;
    private final CallerRuns callerRuns;
    private Map<String, String> query;
    private byte[] body;

    Request(Exchange exchange, List<String> segments, String transactionId, CallerRuns callerRuns) {
        this(exchange, segments, transactionId, exchange.method().toUpperCase(java.util.Locale.ROOT),
                callerRuns);
    }

    private Request(Exchange exchange, List<String> segments, String transactionId, String method,
            CallerRuns callerRuns) {
        this.exchange = exchange;
        this.callerRuns = callerRuns;
        this.method = method;
        this.segments = segments;
        this.rawQuery = exchange.rawQuery();
        this.transactionId = transactionId;
    }

    /** Splits a raw path such as {@code /api/v1/namespaces/_/actions/a%20b} into decoded segments. */
    static List<String> segments(String rawPath) {
        String[] parts = rawPath.split("/", -1);
        List<String> decoded = new ArrayList<>(parts.length);
        for (int i = 1; i < parts.length; i++) {
            decoded.add(parts[i].indexOf('%') < 0 ? parts[i] : URLDecoder.decode(parts[i].replace("+", "%2B"),
                    StandardCharsets.UTF_8));
        }
        return decoded;
    }

    /** This request as a GET: the API answers HEAD like GET without the body, as Pekko's transparent HEAD does. */
    Request headAsGet() {
        return method.equals("HEAD") ? new Request(exchange, segments, transactionId, "GET", callerRuns) : this;
    }

    String method() {
        return method;
    }

    /** Segments after {@code /api/v1}; a trailing slash gives a trailing empty segment. */
    List<String> segments() {
        return segments;
    }

    String transactionId() {
        return transactionId;
    }

    /** Runs work on this request's thread once its answer is set up (see {@link CallerRuns}). */
    CallerRuns callerRuns() {
        return callerRuns;
    }

    String rawQuery() {
        return rawQuery == null ? "" : rawQuery;
    }

    Map<String, String> query() {
        if (query == null) {
            query = parseForm(rawQuery);
        }
        return query;
    }

    String queryParam(String name) {
        return query().get(name);
    }

    /** A boolean query parameter as Pekko reads it: true/yes/on/1 or false/no/off/0 (any case); else a 400. */
    boolean booleanParam(String name, boolean defaultValue) {
        String value = queryParam(name);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("on")
                || value.equals("1")) {
            return true;
        }
        if (value.equalsIgnoreCase("false") || value.equalsIgnoreCase("no") || value.equalsIgnoreCase("off")
                || value.equals("0")) {
            return false;
        }
        throw ApiException.malformedQuery(name, "'" + value + "' is not a valid Boolean value");
    }

    Headers headers() {
        return exchange.headers();
    }

    String header(String name) {
        return exchange.header(name);
    }

    /** The body, refused with 413 in OpenWhisk's words when it is larger than {@code maxBytes}. */
    byte[] body(long maxBytes) {
        if (body != null) {
            return body;
        }
        String declared = header("Content-Length");
        if (declared != null) {
            long length = parseLength(declared);
            if (length > maxBytes) {
                discardBody();
                throw new ApiException(413, Messages.entityTooBig("Request", length, maxBytes));
            }
        }
        try (InputStream in = exchange.body()) {
            byte[] read = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (read.length > maxBytes) {
                long total = read.length + in.transferTo(java.io.OutputStream.nullOutputStream());
                throw new ApiException(413, Messages.entityTooBig("Request", total, maxBytes));
            }
            body = read;
            return body;
        } catch (IOException e) {
            // Broken framing (a bad chunk size) or a client that stopped sending: either way the client's fault.
            throw ApiException.malformedContent("the request body of " + method + " " + exchange.rawPath()
                    + " could not be read: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
    }

    /**
     * Reads and drops an oversized body (up to {@link #MAX_DISCARD_BYTES}), so that the client has sent everything
     * before the 413 arrives; closing a socket with unread data would reset the connection under the client.
     */
    private void discardBody() {
        try (InputStream in = exchange.body()) {
            in.transferTo(new java.io.OutputStream() {
                private long seen;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    seen += len;
                    if (seen > MAX_DISCARD_BYTES) {
                        throw new IOException("request body beyond " + MAX_DISCARD_BYTES + " bytes not read");
                    }
                }
            });
        } catch (IOException e) {
            // the connection is closed after the 413 anyway
        }
    }

    private static long parseLength(String declared) {
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Parses {@code a=1&b=x%20y} (query strings and form bodies); the last value of a repeated key wins. */
    static Map<String, String> parseForm(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    @Override
    public String toString() {
        return method + " /api/v1/" + String.join("/", segments) + (rawQuery == null ? "" : "?" + rawQuery);
    }
}
