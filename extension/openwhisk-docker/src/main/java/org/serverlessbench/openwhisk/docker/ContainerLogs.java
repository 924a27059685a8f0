package org.serverlessbench.openwhisk.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.serverlessbench.openwhisk.embedded.runtime.LogLine;
import org.serverlessbench.openwhisk.embedded.runtime.RuntimeHttp;

/**
 * Follows a container's stdout and stderr (the engine's log stream) into one queue of lines, and hands them out per
 * activation up to the end-of-activation sentinel on both streams, as OpenWhisk's invoker reads {@code docker logs}.
 */
final class ContainerLogs extends ResultCallback.Adapter<Frame> {

    static final String SENTINEL = "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX";
    /**
     * The line (then the port number) that the project's runtimes print on stdout once they listen, when their port
     * variable is 0; as the embedded OpenWhisk's {@code ProcessOutput} reads it.
     */
    private static final String STDOUT = "stdout";
    private static final String STDERR = "stderr";
    /** Lines beyond this many buffered characters are dropped; OpenWhisk's largest log limit is 10 MB. */
    private static final long MAX_BUFFERED_CHARS = 16L * 1024 * 1024;
    private static final LogLine END_OF_STREAM = new LogLine(Instant.EPOCH, "eof", "");

    private final LinkedBlockingQueue<LogLine> queue = new LinkedBlockingQueue<>();
    private final AtomicLong bufferedChars = new AtomicLong();
    private final ByteArrayOutputStream stdoutPartial = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderrPartial = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private volatile boolean ended;

    @Override
    public void onNext(Frame frame) {
        boolean stderr = frame.getStreamType() == StreamType.STDERR;
        ByteArrayOutputStream partial = stderr ? stderrPartial : stdoutPartial;
        String stream = stderr ? STDERR : STDOUT;
        synchronized (partial) {
            for (byte b : frame.getPayload()) {
                if (b == '\n') {
                    line(stream, partial.toString(StandardCharsets.UTF_8));
                    partial.reset();
                } else {
                    partial.write(b);
                }
            }
        }
    }

    private void line(String stream, String text) {
        if (STDOUT.equals(stream) && !port.isDone() && text.startsWith(RuntimeHttp.PORT_ANNOUNCEMENT)) {
            announce(text.substring(RuntimeHttp.PORT_ANNOUNCEMENT.length()));
        } else if (text.endsWith(SENTINEL) && text.length() > SENTINEL.length()) {
            add(stream, text.substring(0, text.length() - SENTINEL.length()));
            add(stream, SENTINEL);
        } else {
            add(stream, text);
        }
    }

    private void add(String stream, String text) {
        if (SENTINEL.equals(text) || bufferedChars.addAndGet(text.length()) <= MAX_BUFFERED_CHARS) {
            queue.add(new LogLine(Instant.now(), stream, text));
        } else {
            bufferedChars.addAndGet(-text.length());
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
            port.completeExceptionally(new IllegalStateException("the runtime announced a port that is not one: '"
                    + number + "'"));
        }
    }

    /**
     * The port a runtime on the host network announced once it listened; completed exceptionally when the log stream
     * ends first (the container exited) or the announcement is malformed.
     */
    CompletableFuture<Integer> announcedPort() {
        return port;
    }

    @Override
    public void onError(Throwable throwable) {
        end();
    }

    @Override
    public void onComplete() {
        end();
    }

    private void end() {
        if (!ended) {
            ended = true;
            synchronized (stdoutPartial) {
                if (stdoutPartial.size() > 0) {
                    line(STDOUT, stdoutPartial.toString(StandardCharsets.UTF_8));
                    stdoutPartial.reset();
                }
            }
            synchronized (stderrPartial) {
                if (stderrPartial.size() > 0) {
                    line(STDERR, stderrPartial.toString(StandardCharsets.UTF_8));
                    stderrPartial.reset();
                }
            }
            port.completeExceptionally(new IllegalStateException("the container's output ended before the runtime"
                    + " announced its port"));
            queue.add(END_OF_STREAM);
        }
    }

    /** Whether the stream ended: the container exited, or the stream was closed. */
    boolean ended() {
        return ended;
    }

    /** Lines up to the sentinel on both streams (without them), or what arrived within {@code timeout}. */
    synchronized List<LogLine> drain(Duration timeout) {
        List<LogLine> lines = new ArrayList<>();
        boolean stdoutDone = false;
        boolean stderrDone = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!(stdoutDone && stderrDone)) {
                long left = deadline - System.nanoTime();
                LogLine line = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                if (line == null) {
                    break;
                }
                if (line == END_OF_STREAM) {
                    queue.add(END_OF_STREAM);
                    drainRemaining(lines);
                    break;
                }
                if (SENTINEL.equals(line.text())) {
                    stdoutDone |= STDOUT.equals(line.stream());
                    stderrDone |= STDERR.equals(line.stream());
                } else {
                    bufferedChars.addAndGet(-line.text().length());
                    lines.add(line);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lines;
    }

    private void drainRemaining(List<LogLine> lines) {
        for (LogLine line : queue) {
            if (line != END_OF_STREAM && !SENTINEL.equals(line.text())) {
                lines.add(line);
            }
        }
        queue.removeIf(line -> line != END_OF_STREAM);
    }

    /** Everything buffered, as text, for the message about a container that did not start. */
    String takeText(Duration wait) {
        StringBuilder text = new StringBuilder();
        for (LogLine line : drain(wait)) {
            text.append(line.stream()).append(": ").append(line.text()).append('\n');
        }
        return text.toString().strip();
    }
}
