package org.serverlessbench.openwhisk.embedded.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * More connections than the server has file descriptors for: the server runs in a child JVM started with
 * {@code ulimit -n 256}, caps its connections below that, and keeps accepting once clients let go.
 */
@Tag("hostile")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FileLimitTest {
    private static final int OPEN_FILES = 256;
    private static final int CONNECTIONS = 300;

    private ServerProcess server;
    private ServerHealth health;

    @BeforeAll
    void start() throws IOException {
        server = ServerProcess.start(OPEN_FILES);
        health = new ServerHealth(server);
        health.baseline();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void threeHundredIdleConnectionsOpenedAndClosed() throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                sockets.add(RawHttp.connect(server.port(), Duration.ofSeconds(5)));
            }
            awaitSteadyOpenFiles();
            assertThat(server.openFiles()).as("open files with %d connections waiting", CONNECTIONS)
                    .isLessThan(OPEN_FILES);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        health.assertRecovered(CONNECTIONS + " idle connections under ulimit -n " + OPEN_FILES);
    }

    @Test
    void threeHundredConnectionsSendARequestAndLeave() throws IOException {
        byte[] request = ("GET /api/v1/namespaces/_/actions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + RawHttp.authorization(server.auth()) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket socket = RawHttp.connect(server.port(), Duration.ofSeconds(5));
                sockets.add(socket);
                socket.getOutputStream().write(request);
            }
            awaitSteadyOpenFiles();
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        health.assertRecovered(CONNECTIONS + " requests left unread under ulimit -n " + OPEN_FILES);
    }

    /** Until the server has accepted what its connection cap lets it: the count stays the same for a second. */
    private void awaitSteadyOpenFiles() {
        int[] last = {-1};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            int now = server.openFiles();
            boolean same = now == last[0];
            last[0] = now;
            return same;
        });
    }
}
