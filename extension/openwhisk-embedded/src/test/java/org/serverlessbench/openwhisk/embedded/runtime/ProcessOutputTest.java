package org.serverlessbench.openwhisk.embedded.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ProcessOutput#drain}: the lines up to both sentinels, in order, whether the sentinels were read before the
 * caller asked (the common case after a {@code /run} answer), arrive while it yields to the reader threads, or only
 * after it has parked.
 */
class ProcessOutputTest {
    private static final String SENTINEL = ProcessOutput.SENTINEL;

    private Process process;

    @AfterEach
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void sentinelsWrittenBeforeTheDrainGiveEveryLineOfBothStreamsInOrder() throws IOException {
        ProcessOutput output = start("printf 'one\\n  two\\n" + SENTINEL + "\\n'; printf 'err\\nlast" + SENTINEL
                + "\\n' >&2; cat");

        List<LogLine> lines = output.drain(Duration.ofSeconds(10));
        assertThat(texts(lines, ProcessOutput.STDOUT)).containsExactly("one", "  two");
        assertThat(texts(lines, ProcessOutput.STDERR)).containsExactly("err", "last");
        assertThat(output.drain(Duration.ZERO)).isEmpty();
    }

    @Test
    void sentinelsThatArriveAfterTheCallerParkedAreWaitedFor() throws Exception {
        ProcessOutput output = start("printf 'before\\n'; read go; printf 'after\\n" + SENTINEL + "\\n'; printf 'e\\n"
                + SENTINEL + "\\n' >&2; cat");
        AtomicReference<Thread> drainer = new AtomicReference<>();
        CompletableFuture<List<LogLine>> drained = new CompletableFuture<>();
        Thread thread = new Thread(() -> drained.complete(output.drain(Duration.ofSeconds(30))), "drainer");
        drainer.set(thread);
        thread.start();

        Await.until(Duration.ofSeconds(10), "the drain parks for the sentinels",
                () -> drainer.get().getState() == Thread.State.TIMED_WAITING);
        OutputStream stdin = process.getOutputStream();
        stdin.write("go\n".getBytes(StandardCharsets.UTF_8));
        stdin.flush();

        List<LogLine> lines = drained.get(20, TimeUnit.SECONDS);
        assertThat(texts(lines, ProcessOutput.STDOUT)).containsExactly("before", "after");
        assertThat(texts(lines, ProcessOutput.STDERR)).containsExactly("e");
    }

    @Test
    void withoutSentinelsTheTimeoutEndsTheWaitWithWhatArrived() throws Exception {
        ProcessOutput output = start("printf 'partial\\n'; cat");
        Await.until(Duration.ofSeconds(10), "the line is read", () -> {
            List<LogLine> lines = output.drain(Duration.ofMillis(20));
            return !lines.isEmpty() && lines.get(0).text().equals("partial");
        });

        long start = System.nanoTime();
        assertThat(output.drain(Duration.ofMillis(200))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(output.drain(Duration.ZERO)).isEmpty();
    }

    private ProcessOutput start(String script) throws IOException {
        process = new ProcessBuilder("sh", "-c", script).start();
        return ProcessOutput.readFrom(process, "test");
    }

    private static List<String> texts(List<LogLine> lines, String stream) {
        return lines.stream().filter(line -> line.stream().equals(stream)).map(LogLine::text).toList();
    }
}
