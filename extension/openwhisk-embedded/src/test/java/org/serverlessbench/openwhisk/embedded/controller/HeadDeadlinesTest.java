package org.serverlessbench.openwhisk.embedded.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The head deadline blames a connection only for time in which the server could have read its head. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HeadDeadlinesTest {
    private static final Duration HEAD_TIMEOUT = Duration.ofMillis(200);
    private static final int MAX_THREADS = ServerLimits.MIN_THREADS;
    private static final ServerLimits LIMITS = new ServerLimits(16, Duration.ofSeconds(30), HEAD_TIMEOUT, MAX_THREADS);
    private static final Consumer<Exchange> NO_CONTENT = exchange -> exchange.respond(204, null, List.of(), null);

    @Test
    void aHeadSentWhileEveryThreadIsBusyIsAnsweredOnceThreadsFree() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (JettyServer server = JettyServer.start(0, LIMITS, NO_CONTENT);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 1);
            // More blocked tasks than threads: every thread is taken and work waits in the pool's queue.
            for (int i = 0; i < MAX_THREADS; i++) {
                server.execute(() -> awaitQuietly(release));
            }
            socket.getOutputStream().write(("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();

            // Five head timeouts without a free thread: the connection must stay open, unanswered.
            socket.setSoTimeout((int) HEAD_TIMEOUT.multipliedBy(5).toMillis());
            assertThatThrownBy(in::read).as("the server closed a connection whose complete head it had not read")
                    .isInstanceOf(SocketTimeoutException.class);

            release.countDown();
            socket.setSoTimeout(10_000);
            assertThat(readHead(in)).startsWith("HTTP/1.1 204 ");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedWhileThreadsAreFree() throws Exception {
        try (JettyServer server = JettyServer.start(0, LIMITS, NO_CONTENT);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            long start = System.nanoTime();

            assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(HEAD_TIMEOUT);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The response head, up to its blank line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
