package org.serverlessbench.openwhisk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The benchmark's REST calls to the embedded OpenWhisk, with plain OkHttp (no project client in the way). */
final class EmbeddedBenchmarkHttp implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final RequestBody EMPTY_OBJECT = RequestBody.create("{}", JSON_TYPE);

    private final OkHttpClient http;
    private final String apiHost;
    private final String namespace;
    private final String authorization;

    EmbeddedBenchmarkHttp(String apiHost, String auth, String namespace) {
        this.http = new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY)
                .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES))
                .readTimeout(Duration.ofSeconds(90))
                .build();
        this.apiHost = apiHost;
        this.namespace = namespace;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8));
    }

    /** PUT with {@code overwrite=true}: creates the action or updates it to a new revision. */
    JsonNode putAction(String name, ObjectNode body) {
        Request request = new Request.Builder()
                .url(apiHost + "/api/v1/namespaces/" + namespace + "/actions/" + name + "?overwrite=true")
                .header("Authorization", authorization)
                .put(RequestBody.create(body.toString(), JSON_TYPE))
                .build();
        return call(request, 200);
    }

    /** A prepared blocking invoke of {@code name} with an empty payload; reused for every call. */
    Request blockingInvoke(String name) {
        return new Request.Builder()
                .url(apiHost + "/api/v1/namespaces/" + namespace + "/actions/" + name + "?blocking=true")
                .header("Authorization", authorization)
                .post(EMPTY_OBJECT)
                .build();
    }

    /** Sends the request and reads the whole body; fails unless the answer is 200. */
    void send(Request request) {
        try (Response response = http.newCall(request).execute()) {
            byte[] body = response.body().bytes();
            if (response.code() != 200) {
                throw new IllegalStateException(request.method() + " " + request.url() + " answered "
                        + response.code() + ": " + new String(body, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.url() + " failed", e);
        }
    }

    /** The JSON body whatever the status (a failed activation answers 502 or 500 with its record). */
    JsonNode callAnyStatus(Request request) {
        return call(request, -1);
    }

    JsonNode call(Request request, int expectedStatus) {
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (expectedStatus >= 0 && response.code() != expectedStatus) {
                throw new IllegalStateException(request.method() + " " + request.url() + " answered "
                        + response.code() + ": " + body);
            }
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.url() + " failed", e);
        }
    }

    JsonNode get(String path) {
        Request request = new Request.Builder().url(apiHost + path).header("Authorization", authorization).build();
        return call(request, 200);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
