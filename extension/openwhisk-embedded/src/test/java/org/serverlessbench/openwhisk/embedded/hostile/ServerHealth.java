package org.serverlessbench.openwhisk.embedded.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * What must hold after each hostile case: a normal invoke is answered within 1 s, the server's file descriptors and
 * threads are back within 10 % of where they were, and it logged no {@code OutOfMemoryError}.
 */
final class ServerHealth {
    static final String ACTION = "echo";
    private static final Duration INVOKE_LIMIT = Duration.ofSeconds(1);
    /** How long the counts may take to settle: idle server threads end after 5 s. */
    private static final Duration SETTLE = Duration.ofSeconds(30);

    private final ServerProcess server;
    private int openFiles;
    private int threads;

    ServerHealth(ServerProcess server) {
        this.server = server;
    }

    /** Creates the action, warms it and takes the counts every later check compares with. */
    void baseline() throws IOException {
        String code = "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(p) { return {ok: true}; }\"}}";
        String answer = RawHttp.send(server.port(), "PUT /api/v1/namespaces/_/actions/" + ACTION
                + "?overwrite=true HTTP/1.1\r\nHost: 127.0.0.1\r\n" + RawHttp.authorization(server.auth())
                + "Content-Type: application/json\r\nContent-Length: " + code.length() + "\r\nConnection: close\r\n\r\n"
                + code, Duration.ofSeconds(30));
        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(200);
        for (int i = 0; i < 20; i++) {
            invoke(Duration.ofSeconds(30));
        }
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(this::settled);
    }

    /**
     * The three checks of every case; {@code what} names the case in failures. Connections a case leaves in the
     * listen backlog are still served first, so the one-second invoke comes once the counts are back.
     */
    void assertRecovered(String what) throws IOException {
        assertThat(server.alive()).as("server alive after %s; it printed:%n%s", what, server.output()).isTrue();
        // Answered at once, though possibly behind connections the case left in the listen backlog...
        invoke(SETTLE);
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(server.openFiles()).as("open files after %s (before: %d)", what, openFiles)
                    .isBetween(openFiles * 9 / 10, openFiles * 11 / 10 + 1);
            assertThat(server.threads()).as("threads after %s (before: %d)", what, threads)
                    .isBetween(threads * 9 / 10, threads * 11 / 10 + 1);
        });
        // ...and within a second once those are gone.
        long started = System.nanoTime();
        invoke(INVOKE_LIMIT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("normal invoke after %s", what)
                .isLessThan(INVOKE_LIMIT);
        assertThat(server.output()).as("server output after %s", what).doesNotContain("OutOfMemoryError");
    }

    /** The same counts as at the previous poll, a second ago: no connection or thread is on its way out. */
    private boolean settled() {
        int files = server.openFiles();
        int running = server.threads();
        boolean same = files == openFiles && running == threads;
        openFiles = files;
        threads = running;
        return same;
    }

    /** A blocking invoke of the warm action on a new connection, answered 200 with its result. */
    void invoke(Duration limit) {
        try {
            String answer = RawHttp.send(server.port(), "POST /api/v1/namespaces/_/actions/" + ACTION
                    + "?blocking=true&result=true HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + RawHttp.authorization(server.auth()) + "Content-Type: application/json\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\n{}", limit);
            assertThat(RawHttp.status(answer)).as(answer).isEqualTo(200);
            assertThat(answer).endsWith("{\"ok\":true}");
        } catch (IOException e) {
            throw new UncheckedIOException("a normal invoke of " + ACTION + " failed", e);
        }
    }
}
