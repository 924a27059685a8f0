package org.serverlessbench.openwhisk.embedded.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the controller's HTTP server allows each client, so that no client, slow or hostile, can take its memory,
 * threads or file descriptors.
 *
 * @param maxConnections connections open at once; more wait in the listen backlog, unaccepted
 * @param idleTimeout    a connection silent this long is closed (longer than the longest blocking wait, so that a
 *                       waiting blocking invoke is never cut off)
 * @param headTimeout    a request head (request line and headers) must arrive within this time once begun
 * @param maxThreads     threads that serve requests at most
 */
record ServerLimits(int maxConnections, Duration idleTimeout, Duration headTimeout, int maxThreads) {
    /** Request line plus headers; a longer request line is refused with 414, longer headers with 431. */
    static final int MAX_REQUEST_HEAD_BYTES = 64 * 1024;
    static final int BACKLOG = 256;
    static final int MIN_THREADS = 8;
    static final Duration THREAD_IDLE_TIMEOUT = Duration.ofSeconds(5);
    static final int DEFAULT_MAX_CONNECTIONS = 512;
    static final Duration DEFAULT_HEAD_TIMEOUT = Duration.ofSeconds(5);
    static final int DEFAULT_MAX_THREADS = 200;
    private static final int MIN_CONNECTIONS = 16;

    ServerLimits {
        if (maxConnections < 1 || maxThreads < MIN_THREADS) {
            throw new IllegalArgumentException("maxConnections must be positive and maxThreads at least "
                    + MIN_THREADS + ", got " + maxConnections + " and " + maxThreads);
        }
    }

    /**
     * The defaults for a controller whose blocking invokes wait up to {@code maxBlockingWait}: at most half of this
     * process's open-file limit as connections, so that accepting can never exhaust it.
     */
    static ServerLimits defaults(Duration maxBlockingWait) {
        int connections = DEFAULT_MAX_CONNECTIONS;
        long fileLimit = openFileLimit();
        if (fileLimit > 0) {
            connections = (int) Math.max(MIN_CONNECTIONS, Math.min(connections, fileLimit / 2));
        }
        return new ServerLimits(connections, maxBlockingWait.plusSeconds(30), DEFAULT_HEAD_TIMEOUT,
                DEFAULT_MAX_THREADS);
    }

    /** The soft limit on open files from {@code /proc/self/limits}, or -1 where it cannot be read. */
    static long openFileLimit() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/limits"));
            for (String line : lines) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? -1 : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected format: keep the fixed default
        }
        return -1;
    }
}
