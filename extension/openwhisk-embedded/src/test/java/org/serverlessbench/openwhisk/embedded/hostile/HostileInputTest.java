package org.serverlessbench.openwhisk.embedded.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8's hostile inputs against the controller's HTTP server, in a child JVM with a 256 MB heap, over raw sockets
 * on 127.0.0.1. Each case ends with {@link ServerHealth#assertRecovered}.
 */
@Tag("hostile")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileInputTest {
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(10);
    private static final String INVOKE = "POST /api/v1/namespaces/_/actions/" + ServerHealth.ACTION
            + "?blocking=true HTTP/1.1\r\n";
    private static final String WEB_INVOKE = "POST /api/v1/web/guest/default/" + ServerHealth.ACTION
            + ".json HTTP/1.1\r\n";
    private static final String JSON = "Content-Type: application/json\r\n";

    private ServerProcess server;
    private ServerHealth health;
    private String auth;

    @BeforeAll
    void start() throws IOException {
        server = ServerProcess.start(0);
        auth = RawHttp.authorization(server.auth());
        health = new ServerHealth(server);
        health.baseline();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    /** Framing that a strict HTTP/1.1 parser refuses (RFC 9112), each case sent 20 times on new connections. */
    Stream<Arguments> malformed() {
        String host = "Host: 127.0.0.1\r\n";
        String head = INVOKE + host + "AUTH" + JSON;
        return Stream.of(
                Arguments.of("chunk size -7", head
                        + "Transfer-Encoding: chunked\r\n\r\n-7\r\n{}{}{}{\r\n0\r\n\r\n", 400),
                Arguments.of("chunk size -7 to a web action, no credentials", WEB_INVOKE + host + JSON
                        + "Transfer-Encoding: chunked\r\n\r\n-7\r\n{}{}{}{\r\n0\r\n\r\n", 400),
                Arguments.of("chunk size zz", head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400),
                Arguments.of("chunk size beyond 64 bits", head
                        + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n", 400),
                Arguments.of("chunk size missing", head + "Transfer-Encoding: chunked\r\n\r\n\r\n{}\r\n0\r\n\r\n", 400),
                Arguments.of("Content-Length and Transfer-Encoding", head
                        + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 400),
                Arguments.of("two different Content-Lengths", head
                        + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{} ", 400),
                Arguments.of("whitespace before the colon", head + "Content-Length : 2\r\n\r\n{}", 400),
                Arguments.of("Content-Length +2", head + "Content-Length: +2\r\n\r\n{}", 400),
                Arguments.of("Transfer-Encoding xchunkedx", head
                        + "Transfer-Encoding: xchunkedx\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 400),
                Arguments.of("Transfer-Encoding gzip", head + "Transfer-Encoding: gzip\r\n\r\n{}", 400),
                Arguments.of("Transfer-Encoding gzip, chunked", head
                        + "Transfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 501),
                Arguments.of("HTTP/1.9", INVOKE.replace("HTTP/1.1", "HTTP/1.9") + host + "AUTH" + JSON
                        + "Content-Length: 2\r\n\r\n{}", 505),
                Arguments.of("no Host", INVOKE + "AUTH" + JSON + "Content-Length: 2\r\n\r\n{}", 400),
                Arguments.of("100 KB header line", INVOKE + host + "AUTH" + "X-Big: " + "a".repeat(100 * 1024)
                        + "\r\n" + JSON + "Content-Length: 2\r\n\r\n{}", 431),
                Arguments.of("1 MB request line", "GET /api/v1/namespaces/_/actions?x=" + "a".repeat(1024 * 1024)
                        + " HTTP/1.1\r\n" + host + "AUTH\r\n", 414));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("malformed")
    void refusesMalformedFraming(String what, String request, int status) throws IOException {
        for (int i = 0; i < 20; i++) {
            assertAnswered(request, status, what);
        }
        health.assertRecovered(what);
    }

    @Test
    void thousandMalformedRequestsInARow() throws IOException {
        List<Arguments> cases = malformed().toList();
        for (int i = 0; i < 1000; i++) {
            Object[] c = cases.get(i % cases.size()).get();
            assertAnswered((String) c[1], (int) c[2], "request " + i + " (" + c[0] + ")");
        }
        health.assertRecovered("1000 malformed requests");
    }

    /** Sends {@code request}, its AUTH replaced by the credentials, on a new connection and checks the status. */
    private void assertAnswered(String request, int status, String what) throws IOException {
        String answer = RawHttp.send(server.port(), request.replace("AUTH", auth), ANSWER_LIMIT);
        assertThat(RawHttp.status(answer)).as("%s, answer %s", what, answer).isEqualTo(status);
    }

    /** 40 clients each try to send 200 headers of 64 KB (12.8 MB): each gets a 431, or a reset while still sending. */
    @Test
    void fortyOversizedHeadsAtOnce() throws Exception {
        byte[] header = ("X-Big: " + "a".repeat(64 * 1024 - 10) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        ExecutorService clients = Executors.newFixedThreadPool(40);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int c = 0; c < 40; c++) {
                answers.add(clients.submit(() -> {
                    try (Socket socket = RawHttp.connect(server.port(), ANSWER_LIMIT)) {
                        OutputStream out = socket.getOutputStream();
                        try {
                            out.write((INVOKE + "Host: 127.0.0.1\r\n" + auth).getBytes(StandardCharsets.US_ASCII));
                            for (int i = 0; i < 200; i++) {
                                out.write(header);
                            }
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        } catch (IOException e) {
                            // refused while sending: read what the server answered, if it still arrives
                        }
                        return RawHttp.readUntilClosed(socket.getInputStream());
                    }
                }));
            }
            for (Future<String> answer : answers) {
                String text = answer.get(60, TimeUnit.SECONDS);
                assertThat(RawHttp.status(text)).as(text).isIn(431, -1);
            }
        } finally {
            clients.shutdownNow();
        }
        health.assertRecovered("40 oversized heads");
    }

    /**
     * 200 connections send a request head one byte a second for 10 s: the server closes each once its head is
     * late (5 s), and answers others meanwhile.
     */
    @Test
    void twoHundredSlowlorisConnectionsForTenSeconds() throws Exception {
        byte[] head = (INVOKE + "Host: 127.0.0.1\r\n" + auth + "X-Slow: " + "s".repeat(64))
                .getBytes(StandardCharsets.US_ASCII);
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                sockets.add(RawHttp.connect(server.port(), ANSWER_LIMIT));
            }
            boolean[] cut = new boolean[sockets.size()];
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            for (int second = 0; System.nanoTime() < end; second++) {
                long tick = System.nanoTime();
                for (int i = 0; i < sockets.size(); i++) {
                    if (!cut[i]) {
                        try {
                            sockets.get(i).getOutputStream().write(head[Math.min(second, head.length - 1)]);
                        } catch (IOException e) {
                            cut[i] = true;
                        }
                    }
                }
                if (second == 3) {
                    health.invoke(Duration.ofSeconds(1));
                }
                waitUntil(tick + Duration.ofSeconds(1).toNanos());
            }
            for (int i = 0; i < sockets.size(); i++) {
                Socket socket = sockets.get(i);
                socket.setSoTimeout(2_000);
                String answer = RawHttp.readUntilClosed(socket.getInputStream());
                assertThat(RawHttp.status(answer)).as("slow connection %d: %s", i, answer).isIn(-1, 408);
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        health.assertRecovered("200 slowloris connections");
    }

    /**
     * A keep-alive connection that is silent between requests for longer than the head timeout stays open (the idle
     * timeout rules there), and a head that then trickles in one byte a second is cut like any other late head.
     */
    @Test
    void keepAliveSilenceIsAllowedButASlowNextHeadIsCut() throws Exception {
        byte[] invoke = ("POST /api/v1/namespaces/_/actions/" + ServerHealth.ACTION + "?blocking=true&result=true "
                + "HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + JSON + "Content-Length: 2\r\n\r\n{}")
                .getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = RawHttp.connect(server.port(), ANSWER_LIMIT)) {
            OutputStream out = socket.getOutputStream();
            out.write(invoke);
            assertThat(RawHttp.status(RawHttp.readOne(socket.getInputStream()))).isEqualTo(200);
            // the head timeout is 5 s, checked every 2.5 s
            waitUntil(System.nanoTime() + Duration.ofSeconds(8).toNanos());
            out.write(invoke);
            assertThat(RawHttp.status(RawHttp.readOne(socket.getInputStream())))
                    .as("an invoke after 8 s of keep-alive silence").isEqualTo(200);

            long start = System.nanoTime();
            for (int second = 0; second < 15; second++) {
                try {
                    out.write(invoke[second]);
                } catch (IOException e) {
                    break;
                }
                waitUntil(start + Duration.ofSeconds(second + 1).toNanos());
            }
            socket.setSoTimeout(2_000);
            String answer = RawHttp.readUntilClosed(socket.getInputStream());
            assertThat(RawHttp.status(answer)).as("a next head sent one byte a second: %s", answer).isIn(-1, 408);
        }
        health.assertRecovered("a slow head on a keep-alive connection");
    }

    /** Paces the slow clients: parks until {@code nanos}, a point in time rather than a condition to wait for. */
    private static void waitUntil(long nanos) {
        for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }
}
