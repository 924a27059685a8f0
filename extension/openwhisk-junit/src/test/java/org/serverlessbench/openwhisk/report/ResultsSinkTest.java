package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsSinkTest {

    private static final RunInfo RUN = new RunInfo("embedded", "http://127.0.0.1:3233", Map.of("cores", "2"));

    @TempDir
    Path directory;

    @Test
    void writesTheRunThenEachRowAsItArrives() throws IOException {
        Path results = directory.resolve("not/yet/there");
        try (ResultsSink sink = ResultsSink.open(results, RUN)) {
            sink.append(Rows.cold("A#cold", "sleep-nodejs", 1, 250_000, 200_000, 150_000));

            assertThat(sink.file()).hasParent(results.toAbsolutePath());
            assertThat(sink.file().getFileName().toString())
                    .startsWith("invocations-" + ProcessHandle.current().pid() + "-").endsWith(".jsonl");
            List<String> lines = Files.readAllLines(sink.file(), StandardCharsets.UTF_8);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).isEqualTo("{\"run\":{\"target\":\"embedded\","
                    + "\"apiHost\":\"http://127.0.0.1:3233\","
                    + "\"environment\":{\"cores\":\"2\"}}}");
            assertThat(lines.get(1)).isEqualTo("{\"invocation\":{\"test\":\"A#cold\","
                    + "\"function\":\"sleep-nodejs\",\"action\":\"run1-sleep-nodejs\",\"trigger\":\"http\","
                    + "\"activationId\":\"act1\",\"warmup\":false,"
                    + "\"cold\":true,\"status\":\"success\",\"success\":true,\"clientTimeUs\":250000,"
                    + "\"providerExecutionUs\":200000,\"providerInitUs\":150000,\"providerWaitUs\":1000,"
                    + "\"benchmarkTimeUs\":199500,\"memoryMb\":256,\"startedAt\":\"2026-11-26T18:00:01.123456Z\","
                    + "\"deployment\":\"code\",\"image\":null}}");
        }
    }

    @Test
    void twoSinksInOneProcessWriteSeparateFiles() {
        try (ResultsSink first = ResultsSink.open(directory, RUN);
                ResultsSink second = ResultsSink.open(directory, RUN)) {
            assertThat(first.file()).isNotEqualTo(second.file());
        }
    }

    @Test
    void keepsEveryRowWhenManyThreadsAppend() throws Exception {
        int threads = 8;
        int rowsPerThread = 250;
        Path file;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (ResultsSink sink = ResultsSink.open(directory, RUN)) {
            file = sink.file();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String test = "T#thread" + t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < rowsPerThread; i++) {
                        sink.append(Rows.warm(test, "f", i, 1000 + i, 900));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        RunRecording recording = RunRecording.read(List.of(file), new ObjectMapper());
        assertThat(recording.problems()).isEmpty();
        assertThat(recording.run()).contains(RUN);
        assertThat(recording.rows()).hasSize(threads * rowsPerThread);
        assertThat(recording.rows()).filteredOn(row -> row.test().equals("T#thread3")).hasSize(rowsPerThread);
    }

    @Test
    void refusesRowsAfterClose() {
        ResultsSink sink = ResultsSink.open(directory, RUN);
        sink.close();
        sink.close();

        assertThatThrownBy(() -> sink.append(Rows.warm("A#warm", "f", 1, 10, 5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed")
                .hasMessageContaining(sink.file().toString());
    }

    @Test
    void saysWhichDirectoryCannotBeUsed() throws IOException {
        Path blocked = Files.writeString(directory.resolve("a-file"), "not a directory");

        assertThatThrownBy(() -> ResultsSink.open(blocked.resolve("results"), RUN))
                .hasMessageContaining(blocked.resolve("results").toString())
                .hasMessageContaining("openwhisk.results.dir");
    }

    @Test
    void readerSkipsAndReportsBrokenLines() throws IOException {
        Path file = directory.resolve("invocations-1-x.jsonl");
        try (ResultsSink sink = ResultsSink.open(directory, RUN)) {
            sink.append(Rows.warm("A#warm", "f", 1, 10, 5));
            String broken = "{\"invocation\":{\"test\":\"A#warm\"\n{\"other\":1}\n";
            Files.writeString(file, Files.readString(sink.file()) + broken);
        }

        RunRecording recording = RunRecording.read(List.of(file), new ObjectMapper());

        assertThat(recording.rows()).hasSize(1);
        assertThat(recording.problems()).hasSize(2);
        assertThat(recording.problems().get(0)).contains(file + ":3").contains("unreadable line skipped");
        assertThat(recording.problems().get(1)).contains(file + ":4").contains("neither a run nor an invocation");
    }
}
