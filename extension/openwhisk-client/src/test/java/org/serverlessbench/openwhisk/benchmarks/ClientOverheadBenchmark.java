package org.serverlessbench.openwhisk.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.serverlessbench.openwhisk.client.InvokeOptions;
import org.serverlessbench.openwhisk.client.InvokeResult;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;

/**
 * What {@link OpenWhiskClient#invoke} costs on top of the HTTP call itself: per blocking invoke against a loopback
 * server that answers a canned activation record, (a) a raw OkHttp call with the same settings that reads the body,
 * and (b) the client's invoke, which also builds the URL, writes the parameters as JSON and reads the record into
 * records. Both run in the same JVM, interleaved in rounds, after a warmup.
 *
 * <p>Arguments (optional): iterations per side (default 20000), rounds (default 20), warmup per side (default 5000).
 */
public final class ClientOverheadBenchmark {

    private static final String AUTH =
            "23bc46b1-71f6-4ed5-8c54-816aa4f8c502:123zO3xZCLrMN6v2BKK1dXYFpXlPkccOFqm12CdAsMgRU4VrNZ9lyGVCGuMDGIwP";
    private static final Map<String, Object> PARAMS = Map.of("name", "bench", "count", 3);
    private static final double TARGET_P50_OVERHEAD_MICROS = 100;

    private ClientOverheadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        int perRound = Math.max(1, iterations / rounds);

        try (ClientBenchmarkServer server = new ClientBenchmarkServer();
                OpenWhiskClient client = OpenWhiskClient.newBuilder()
                        .apiHost(server.apiHost()).auth(AUTH).namespace("guest")
                        .environment(Map.of()).configurationParameters(key -> Optional.empty())
                        .build()) {
            RawInvoke raw = new RawInvoke(server.apiHost(), client.configuration().connectTimeout(),
                    client.configuration().readTimeout());
            try {
                for (int i = 0; i < warmup; i++) {
                    raw.call();
                    invoke(client);
                }
                ClientLatencies rawLatencies = new ClientLatencies(perRound * rounds);
                ClientLatencies clientLatencies = new ClientLatencies(perRound * rounds);
                for (int round = 0; round < rounds; round++) {
                    boolean rawFirst = round % 2 == 0;
                    for (int side = 0; side < 2; side++) {
                        if ((side == 0) == rawFirst) {
                            for (int i = 0; i < perRound; i++) {
                                long start = System.nanoTime();
                                raw.call();
                                rawLatencies.record(System.nanoTime() - start);
                            }
                        } else {
                            for (int i = 0; i < perRound; i++) {
                                long start = System.nanoTime();
                                invoke(client);
                                clientLatencies.record(System.nanoTime() - start);
                            }
                        }
                    }
                }
                report(rawLatencies, clientLatencies, rounds, warmup);
            } finally {
                raw.close();
            }
        }
    }

    private static void invoke(OpenWhiskClient client) {
        InvokeResult result = client.invoke("hello", PARAMS, InvokeOptions.blocking());
        if (result.httpStatus() != 200 || result.activation() == null) {
            throw new IllegalStateException("unexpected invoke result " + result);
        }
    }

    private static void report(ClientLatencies raw, ClientLatencies client, int rounds, int warmup) {
        double rawP50 = raw.percentileMicros(0.50);
        double clientP50 = client.percentileMicros(0.50);
        double rawP99 = raw.percentileMicros(0.99);
        double clientP99 = client.percentileMicros(0.99);
        System.out.printf("Blocking invoke against a loopback server, %d calls per side in %d interleaved rounds,"
                + " %d warmup calls per side%n", raw.count(), rounds, warmup);
        System.out.printf("%-24s %10s %10s %10s%n", "", "p50 (us)", "p99 (us)", "mean (us)");
        System.out.printf("%-24s %10.1f %10.1f %10.1f%n", "raw OkHttp call", rawP50, rawP99, raw.meanMicros());
        System.out.printf("%-24s %10.1f %10.1f %10.1f%n", "OpenWhiskClient.invoke", clientP50, clientP99,
                client.meanMicros());
        System.out.printf("%-24s %10.1f %10.1f %10.1f%n", "client overhead", clientP50 - rawP50,
                clientP99 - rawP99, client.meanMicros() - raw.meanMicros());
        System.out.printf("Overhead at p50: %.1f us (target <= %.0f us): %s%n", clientP50 - rawP50,
                TARGET_P50_OVERHEAD_MICROS, clientP50 - rawP50 <= TARGET_P50_OVERHEAD_MICROS ? "met" : "MISSED");
    }

    /** The same POST the client sends, built once, with an OkHttpClient configured like the client's. */
    private static final class RawInvoke {
        private final OkHttpClient http;
        private final Request request;

        RawInvoke(String apiHost, Duration connectTimeout, Duration readTimeout) {
            http = new OkHttpClient.Builder()
                    .connectionPool(new ConnectionPool())
                    .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .writeTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .followRedirects(false)
                    .followSslRedirects(false)
                    .build();
            String basic = "Basic " + Base64.getEncoder().encodeToString(AUTH.getBytes(StandardCharsets.UTF_8));
            request = new Request.Builder()
                    .url(apiHost + "/api/v1/namespaces/guest/actions/hello?blocking=true")
                    .header("Authorization", basic)
                    .post(RequestBody.create("{\"name\":\"bench\",\"count\":3}".getBytes(StandardCharsets.UTF_8),
                            MediaType.get("application/json")))
                    .build();
        }

        void call() {
            try (Response response = http.newCall(request).execute()) {
                byte[] body = response.body().bytes();
                if (response.code() != 200 || body.length == 0) {
                    throw new IllegalStateException("unexpected raw answer " + response.code());
                }
            } catch (IOException e) {
                throw new IllegalStateException("raw call failed: " + e.getMessage(), e);
            }
        }

        void close() {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
