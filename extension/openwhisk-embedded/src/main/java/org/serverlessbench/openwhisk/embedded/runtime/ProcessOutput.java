package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.serverlessbench.openwhisk.embedded.internal.DaemonThreads;

/**
 * Reads a runtime process's stdout and stderr continuously (one daemon thread each) into one queue of {@link LogLine}s,
 * so the process never blocks on a full pipe, and hands them out per activation. The first
 * {@link RuntimeHttp#PORT_ANNOUNCEMENT} line on stdout is not a log line: it tells the port the runtime bound (see
 * {@link #announcedPort()}).
 */
final class ProcessOutput {

    static final String SENTINEL = "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX";
    static final String STDOUT = "stdout";
    static final String STDERR = "stderr";
    /**
     * A runtime started with port 0 binds an ephemeral port on 127.0.0.1 itself and, once it listens, prints this
     * followed by the port number as a line on stdout, before any action code runs. Also written in the runtimes:
     * {@code nodejs-proxy.js}, {@code python-proxy.py} and the Java runtime's {@code JavaActionRuntime}.
     */

    /** Lines beyond this many buffered characters are dropped; OpenWhisk's largest log limit is 10 MB. */
    private static final long MAX_BUFFERED_CHARS = 16L * 1024 * 1024;
    /** How long {@link #drain} yields its processor to the reader threads before it parks. */
    private static final long YIELD_NANOS = 50_000;
    private static final LogLine END_OF_STREAM = new LogLine(Instant.EPOCH, "eof", "");

    private final LinkedBlockingQueue<LogLine> queue = new LinkedBlockingQueue<>();
    private final AtomicLong bufferedChars = new AtomicLong();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private int closedStreams;

    private ProcessOutput() {
    }

    static ProcessOutput readFrom(Process process, String containerId) {
        ProcessOutput output = new ProcessOutput();
        output.startReader(process.getInputStream(), STDOUT, containerId);
        output.startReader(process.getErrorStream(), STDERR, containerId);
        return output;
    }

    private void startReader(InputStream stream, String name, String containerId) {
        DaemonThreads.start(containerId + "-" + name, () -> pump(stream, name));
    }

    private void pump(InputStream stream, String name) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (STDOUT.equals(name) && !port.isDone() && line.startsWith(RuntimeHttp.PORT_ANNOUNCEMENT)) {
                    announce(line.substring(RuntimeHttp.PORT_ANNOUNCEMENT.length()));
                } else if (line.endsWith(SENTINEL) && line.length() > SENTINEL.length()) {
                    // the action's last write had no line break, so the sentinel was appended to it
                    add(name, line.substring(0, line.length() - SENTINEL.length()));
                    add(name, SENTINEL);
                } else {
                    add(name, line);
                }
            }
        } catch (IOException closedByKill) {
            // the process was killed while we were reading; what was read is in the queue
        } finally {
            if (STDOUT.equals(name)) {
                port.completeExceptionally(new IOException("stdout ended before the runtime announced its port"));
            }
            queue.add(END_OF_STREAM);
        }
    }

    private void announce(String number) {
        try {
            int announced = Integer.parseInt(number.strip());
            if (announced < 1 || announced > 65_535) {
                throw new NumberFormatException("out of range");
            }
            port.complete(announced);
        } catch (NumberFormatException e) {
            port.completeExceptionally(new IOException("the runtime announced a port that is not one: '" + number
                    + "'"));
        }
    }

    /**
     * The port the runtime announced it listens on; completed exceptionally when stdout ends first (the process
     * exited) or the announcement is malformed.
     */
    CompletableFuture<Integer> announcedPort() {
        return port;
    }

    private void add(String stream, String line) {
        if (SENTINEL.equals(line) || bufferedChars.addAndGet(line.length()) <= MAX_BUFFERED_CHARS) {
            queue.add(new LogLine(Instant.now(), stream, line));
        } else {
            bufferedChars.addAndGet(-line.length());
        }
    }

    /**
     * Lines up to the sentinel on both streams (without the sentinels), or whatever arrived when {@code timeout}
     * passed or both streams ended.
     */
    synchronized List<LogLine> drain(Duration timeout) {
        List<LogLine> lines = new ArrayList<>();
        boolean stdoutDone = false;
        boolean stderrDone = false;
        long now = System.nanoTime();
        long deadline = now + timeout.toNanos();
        long yieldUntil = now + Math.min(timeout.toNanos(), YIELD_NANOS);
        try {
            while (!(stdoutDone && stderrDone) && closedStreams < 2) {
                LogLine line = queue.poll();
                if (line == null) {
                    line = pollYielding(yieldUntil);
                }
                long left = deadline - System.nanoTime();
                if (line == null && left > 0) {
                    line = queue.poll(left, TimeUnit.NANOSECONDS);
                }
                if (line == null) {
                    break;
                }
                if (line == END_OF_STREAM) {
                    closedStreams++;
                } else if (SENTINEL.equals(line.text())) {
                    stdoutDone |= STDOUT.equals(line.stream());
                    stderrDone |= STDERR.equals(line.stream());
                } else {
                    bufferedChars.addAndGet(-line.text().length());
                    lines.add(line);
                }
            }
            if (closedStreams >= 2) {
                drainRemaining(lines);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lines;
    }

    /**
     * A runtime writes its sentinels just before its {@code /run} answer, so when the caller has the answer the reader
     * threads have usually been woken with them and wait only for a processor: giving ours up a few times until
     * {@code until} lets them run, where parking would cost the caller a wake-up of its own (and the readers a signal).
     */
    private LogLine pollYielding(long until) {
        while (System.nanoTime() - until < 0) {
            Thread.yield();
            LogLine line = queue.poll();
            if (line != null) {
                return line;
            }
        }
        return null;
    }

    private void drainRemaining(List<LogLine> lines) {
        LogLine line;
        while ((line = queue.poll()) != null) {
            if (line != END_OF_STREAM && !SENTINEL.equals(line.text())) {
                bufferedChars.addAndGet(-line.text().length());
                lines.add(line);
            }
        }
    }

    /** Everything buffered so far as text, for error messages about a process that did not start. */
    synchronized String takeText(Duration waitForEnd) {
        List<LogLine> lines = drain(waitForEnd);
        StringBuilder text = new StringBuilder();
        for (LogLine line : lines) {
            text.append(line.stream()).append(": ").append(line.text()).append('\n');
        }
        return text.toString().strip();
    }
}
