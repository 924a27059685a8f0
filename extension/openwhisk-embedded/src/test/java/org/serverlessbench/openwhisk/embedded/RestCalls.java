package org.serverlessbench.openwhisk.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Plain HTTP calls against a running server, with or without the Basic credentials. */
final class RestCalls {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String apiHost;
    private final String authorization;

    RestCalls(String apiHost, String auth) {
        this.apiHost = apiHost;
        this.authorization = auth == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8));
    }

    RestCalls anonymous() {
        return new RestCalls(apiHost, null);
    }

    record Answer(int status, java.net.http.HttpHeaders headers, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + text(), e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    Answer get(String path) {
        return send("GET", path, null, Map.of());
    }

    Answer delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    Answer put(String path, Object json) {
        return send("PUT", path, json, Map.of());
    }

    /** PUTs the action {@code name} in the default namespace, overwriting it, and checks that it was taken. */
    Answer putAction(String name, ObjectNode body) {
        Answer answer = put("/api/v1/namespaces/_/actions/" + name + "?overwrite=true", body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer;
    }

    Answer post(String path, Object json) {
        return send("POST", path, json, Map.of());
    }

    Answer send(String method, String path, Object json, Map<String, String> headers) {
        byte[] body = null;
        if (json != null) {
            try {
                body = json instanceof byte[] raw ? raw : json instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                        : MAPPER.writeValueAsBytes(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> all = new java.util.LinkedHashMap<>();
        if (json != null) {
            all.put("Content-Type", "application/json");
        }
        all.putAll(headers);
        return raw(method, path, body, all);
    }

    Answer raw(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiHost + path))
                .timeout(Duration.ofSeconds(90))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * GETs {@code path} until it answers {@code status} (an activation record being written, for example), checking
     * every 20 ms; fails when {@code timeout} passes first.
     */
    Answer awaitStatus(String path, int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer answer = get(path);
        while (answer.status() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("GET " + path + " did not answer " + status + " within " + timeout
                        + "; last answer: " + answer);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
            answer = get(path);
        }
        return answer;
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code {"exec": {"kind": kind, "code": code}}} with optional extra top-level fields. */
    static ObjectNode action(String kind, String code) {
        ObjectNode body = object();
        body.putObject("exec").put("kind", kind).put("code", code);
        return body;
    }
}
