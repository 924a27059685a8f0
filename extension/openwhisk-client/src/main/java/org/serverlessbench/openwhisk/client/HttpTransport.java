package org.serverlessbench.openwhisk.client;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The only place that knows OkHttp, with its {@link TlsHandshakeWatch}: one pooled {@link OkHttpClient} per
 * OpenWhisk client, Basic auth, and bounded exponential backoff for 429 and 503.
 */
final class HttpTransport implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HttpTransport.class.getPackageName());
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int MAX_CACHED_TIMEOUT_CLIENTS = 16;
    /**
     * Idle connections kept for reuse: as many as a load test keeps calls in flight (256 by default), so that each
     * rise and fall of the calls in flight does not close connections only to open new ones (OkHttp keeps 5).
     */
    private static final int MAX_IDLE_CONNECTIONS = 256;
    private static final Duration IDLE_CONNECTION_KEEP_ALIVE = Duration.ofMinutes(5);

    private final OkHttpClient http;
    private final Map<Long, OkHttpClient> clientsByReadTimeout = new ConcurrentHashMap<>();
    private final HttpUrl apiRoot;
    private final String authorization;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final ErrorTranslator errors;

    HttpTransport(ClientConfiguration configuration, Duration initialBackoff, ErrorTranslator errors) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, IDLE_CONNECTION_KEEP_ALIVE.toMillis(),
                        TimeUnit.MILLISECONDS))
                .connectTimeout(configuration.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(configuration.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(configuration.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .followSslRedirects(false)
                .eventListenerFactory(TlsHandshakeWatch.FACTORY);
        if (configuration.insecure()) {
            builder.sslSocketFactory(InsecureTls.socketFactory(), InsecureTls.TRUST_ALL)
                    .hostnameVerifier(InsecureTls.ANY_HOST);
        }
        this.http = builder.build();
        this.apiRoot = HttpUrl.get(configuration.apiHost().value()).newBuilder()
                .addPathSegment("api").addPathSegment("v1").build();
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString(configuration.auth().value().getBytes(StandardCharsets.UTF_8));
        this.maxAttempts = configuration.maxAttempts();
        this.initialBackoff = initialBackoff;
        this.errors = errors;
    }

    /** {@code <apihost>/api/v1}, to add path segments to. */
    HttpUrl.Builder api() {
        return apiRoot.newBuilder();
    }

    /**
     * Sends an authenticated request, retrying 429 and 503 up to maxAttempts times; returns whatever status came.
     *
     * @param jsonBody    null for no body
     * @param readTimeout null for the configured one
     */
    HttpAnswer send(Operation operation, String method, HttpUrl url, byte[] jsonBody, Duration readTimeout) {
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", authorization)
                .method(method, jsonBody == null ? emptyBodyFor(method) : RequestBody.create(jsonBody, JSON))
                .build();
        OkHttpClient client = clientFor(readTimeout);
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            HttpAnswer answer = execute(client, request, operation, attempt);
            boolean retryable = answer.status() == 429 || answer.status() == 503;
            if (!retryable || attempt >= maxAttempts) {
                return answer;
            }
            Duration pause = pauseBefore(answer, backoff);
            LOG.log(Level.DEBUG, () -> "HTTP " + answer.status() + " on " + operation.describe() + ", attempt "
                    + answer.attempts() + " of " + maxAttempts + "; retrying in " + pause.toMillis() + " ms");
            sleep(pause, operation, request);
            backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
        }
    }

    /** Sends a request as built by the caller (web actions): no credentials added, no retries. */
    HttpAnswer sendUnauthenticated(Operation operation, Request request) {
        return execute(http, request, operation, 1);
    }

    private HttpAnswer execute(OkHttpClient client, Request request, Operation operation, int attempt) {
        TlsHandshakeWatch handshake = new TlsHandshakeWatch();
        Request watched = request.newBuilder().tag(TlsHandshakeWatch.class, handshake).build();
        try (Response response = client.newCall(watched).execute()) {
            ResponseBody body = response.body();
            return new HttpAnswer(request.method(), request.url(), response.code(), response.headers(),
                    body.bytes(), attempt);
        } catch (IOException e) {
            throw errors.noAnswer(operation, request.method(), request.url(), e, handshake.interruptedHandshake());
        }
    }

    private OkHttpClient clientFor(Duration readTimeout) {
        if (readTimeout == null || readTimeout.toMillis() == http.readTimeoutMillis()) {
            return http;
        }
        long millis = readTimeout.toMillis();
        OkHttpClient cached = clientsByReadTimeout.get(millis);
        if (cached != null) {
            return cached;
        }
        // Shares the pool and dispatcher of the main client; only the read timeout differs.
        OkHttpClient derived = http.newBuilder().readTimeout(millis, TimeUnit.MILLISECONDS).build();
        if (clientsByReadTimeout.size() < MAX_CACHED_TIMEOUT_CLIENTS) {
            clientsByReadTimeout.putIfAbsent(millis, derived);
        }
        return derived;
    }

    Duration readTimeout() {
        return Duration.ofMillis(http.readTimeoutMillis());
    }

    private static RequestBody emptyBodyFor(String method) {
        return switch (method) {
            case "POST", "PUT", "PATCH" -> RequestBody.create(new byte[0], JSON);
            default -> null;
        };
    }

    /** The server's Retry-After in seconds when it gave one (bounded), else the backoff. */
    private static Duration pauseBefore(HttpAnswer answer, Duration backoff) {
        String retryAfter = answer.headers().get("Retry-After");
        if (retryAfter != null) {
            try {
                return min(Duration.ofSeconds(Long.parseLong(retryAfter.trim())), MAX_BACKOFF);
            } catch (NumberFormatException httpDate) {
                return backoff;
            }
        }
        return backoff;
    }

    private void sleep(Duration pause, Operation operation, Request request) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.noAnswer(operation, request.method(), request.url(),
                    new java.io.InterruptedIOException("interrupted while waiting to retry"), false);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
