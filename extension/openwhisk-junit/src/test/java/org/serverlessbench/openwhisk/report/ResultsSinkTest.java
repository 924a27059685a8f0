package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsSinkTest {

    private static final List<String> INVOCATION_FIELDS = List.of("test", "function", "action", "trigger",
            "activationId", "warmup", "cold", "status", "success", "clientTimeUs", "providerExecutionUs",
            "providerInitUs", "providerWaitUs", "benchmarkTimeUs", "memoryMb", "startedAt", "deployment", "image",
            "benchmark", "language", "mode", "concurrency", "trial", "scheduledAt", "payloadBytes", "idleMs",
            "rejected", "latencyUs", "measurement");
    private static final RunInfo RUN = new RunInfo("embedded", "http://127.0.0.1:3233", Map.of("java", "17"));
    private static final Instant OPENED = Instant.parse("2026-11-26T17:59:00Z");

    private final ObjectMapper mapper = new ObjectMapper();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @TempDir
    Path directory;

    private ResultsSink open(Path results) {
        return ResultsSink.open(results, RUN, Clock.fixed(OPENED, ZoneOffset.UTC),
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesTheFilesAndTheSummaryWhenClosed() throws IOException {
        Path results = directory.resolve("not/yet/there");
        ResultsSink sink = open(results);
        String measures = "org.example.SleepBenchmark#measures";
        String fails = "org.example.SleepBenchmark#fails";
        sink.append(Rows.failed(fails, "sleep-python", 5));
        sink.append(Rows.warmup(measures, "sleep-python", 0));
        sink.append(Rows.cold(measures, "sleep-python", 1, 40_000, 35_000, 30_000));
        sink.append(Rows.warm(measures, "sleep-python", 2, 2_000, 1_500));
        sink.append(Rows.warm(measures, "sleep-python", 3, 1_000, 1_000));
        sink.append(Rows.warm(measures, "sleep-python", 4, 3_000, 2_000));

        Path folder = results.resolve("20261126-175900-000");
        assertThat(listing(results)).as("the run's folder, made at the first row").containsExactly(folder
                .getFileName().toString());
        assertThat(Csv.parse(Files.readString(folder.resolve("results.csv"), StandardCharsets.UTF_8)))
                .as("every row on disk before the end of the run, in the order appended").hasSize(7)
                .element(1).satisfies(row -> assertThat(row.get(0)).isEqualTo(fails));
        sink.close();

        assertThat(listing(results)).containsExactlyInAnyOrder("20261126-175900-000", "latest");
        assertThat(results.resolve("latest")).isSymbolicLink();
        assertThat(results.resolve("latest").toRealPath()).isEqualTo(folder.toRealPath());
        assertThat(listing(folder)).containsExactlyInAnyOrder("results.json", "results.csv", "report.html", "sebs");
        assertThat(listing(folder.resolve("sebs"))).containsExactlyInAnyOrder("result.csv", "experiments.json");
        JsonNode json = mapper.readTree(folder.resolve("results.json").toFile());
        JsonNode run = json.get("run");
        assertThat(run.get("target").asText()).isEqualTo("embedded");
        assertThat(run.get("apiHost").asText()).isEqualTo("http://127.0.0.1:3233");
        assertThat(run.get("environment").get("java").asText()).isEqualTo("17");
        assertThat(run.get("startedAt").asText()).isEqualTo(OPENED.toString());
        assertThat(run.get("finishedAt").asText()).isEqualTo(OPENED.toString());

        JsonNode invocations = json.get("invocations");
        assertThat(invocations).hasSize(6);
        List<String> fieldNames = new ArrayList<>();
        invocations.get(0).fieldNames().forEachRemaining(fieldNames::add);
        assertThat(fieldNames).isEqualTo(INVOCATION_FIELDS);
        assertThat(invocations.get(0).get("warmup").asBoolean()).as("ordered by startedAt").isTrue();
        assertThat(invocations.get(5).get("status").asText()).isEqualTo("application error");
        assertThat(invocations.get(5).get("providerExecutionUs").isNull()).isTrue();

        JsonNode summary = json.get("summary");
        assertThat(summary).as("measures cold, measures warm, fails warm").hasSize(3);
        JsonNode cold = summary.get(0);
        assertThat(cold.get("test").asText()).isEqualTo(measures);
        assertThat(cold.get("cold").asBoolean()).isTrue();
        assertThat(cold.get("memoryMb").asInt()).isEqualTo(256);
        assertThat(cold.get("mode").isNull()).as("no mode set").isTrue();
        assertThat(cold.get("count").asInt()).isEqualTo(1);
        assertThat(cold.get("warmupCount").asInt()).isEqualTo(1);
        assertThat(cold.get("coldCount").asInt()).isEqualTo(1);
        assertThat(cold.get("sebs").get("samples_generated").asInt()).isEqualTo(1);
        assertThat(cold.get("sebs").get("cold_count").asInt()).isEqualTo(1);
        assertThat(cold.get("sebs").get("failures").asInt()).isZero();
        assertThat(cold.get("providerInitUs").get("mean").asDouble()).isEqualTo(30_000.0);
        JsonNode measured = summary.get(1);
        assertThat(measured.get("test").asText()).isEqualTo(measures);
        assertThat(measured.get("cold").asBoolean()).isFalse();
        assertThat(measured.get("count").asInt()).isEqualTo(3);
        assertThat(measured.get("warmupCount").asInt()).as("counted once, on the first group").isZero();
        assertThat(measured.get("coldCount").asInt()).isZero();
        assertThat(measured.get("failureCount").asInt()).isZero();
        assertThat(measured.get("clientTimeUs").get("p50").asLong()).isEqualTo(2_000);
        assertThat(measured.get("clientTimeUs").get("p95").asLong()).isEqualTo(3_000);
        assertThat(measured.get("clientTimeUs").get("median").asDouble()).isEqualTo(2_000.0);
        assertThat(measured.get("clientTimeUs").get("meanCi95")).hasSize(2);
        assertThat(measured.get("clientTimeUs").get("medianCi95").isNull()).as("n = 3 is too small").isTrue();
        assertThat(measured.get("providerExecutionUs").get("p50").asLong()).isEqualTo(1_500);
        JsonNode failing = summary.get(2);
        assertThat(failing.get("failureCount").asInt()).isEqualTo(1);
        assertThat(failing.get("sebs").get("failures").asInt()).isEqualTo(1);
        assertThat(failing.get("providerExecutionUs").get("count").asInt()).isZero();
        assertThat(failing.get("providerExecutionUs").has("p50")).isFalse();

        List<List<String>> csv = Csv.parse(Files.readString(folder.resolve("results.csv"), StandardCharsets.UTF_8));
        assertThat(csv.get(0)).isEqualTo(INVOCATION_FIELDS);
        assertThat(csv).hasSize(7);
        assertThat(csv.get(6).get(0)).isEqualTo(fails);

        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("OpenWhisk results: 6 invocations (1 warm-up, not in the statistics) on embedded"
                        + " (http://127.0.0.1:3233)")
                .containsPattern("SleepBenchmark#measures +sleep-python +1 +1 +0 +40\\.00 +- +40\\.00 +- +0\\.00"
                        + " +- +- +- +35\\.00 +- +30\\.00")
                .containsPattern("SleepBenchmark#measures +sleep-python +3 +0 +0 +2\\.00 +- +2\\.00"
                        + " +\\[-0\\.48, 4\\.48\\] +0\\.50 +- +- +- +1\\.50 +- +-")
                .containsPattern("SleepBenchmark#fails +sleep-python +1 +0 +1 +4\\.00 +- +4\\.00 +- +0\\.00 +- +- +-"
                        + " +- +- +-")
                .contains("Written to " + folder.toAbsolutePath().resolve("results.json"));
    }

    @Test
    void aRunWithoutInvocationsWritesAndPrintsNothingAndKeepsEarlierFiles() throws IOException {
        Path earlier = Files.writeString(directory.resolve("results.json"), "{\"earlier\":true}");

        open(directory).close();

        assertThat(listing(directory)).containsExactly("results.json");
        assertThat(earlier).hasContent("{\"earlier\":true}");
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void closingTwiceWritesOnceAndLaterRowsAreRefusedWithTheReason() throws IOException {
        ResultsSink sink = open(directory);
        sink.append(Rows.warm("A#warm", "f", 1, 10, 5));
        sink.close();
        sink.close();

        assertThat(listing(directory)).containsExactlyInAnyOrder("20261126-175900-000", "latest");
        assertThatThrownBy(() -> sink.append(Rows.warm("A#late", "f", 2, 10, 5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already written to " + directory.toAbsolutePath())
                .hasMessageContaining("A#late")
                .hasMessageContaining("after the end of the run");
    }

    @Test
    void keepsEachRunInItsOwnFolderAndPointsLatestAtTheNewest() throws IOException {
        ResultsSink first = open(directory);
        first.append(Rows.warm("A#first", "f", 1, 10, 5));
        first.append(Rows.warm("A#first", "f", 2, 10, 5));
        first.close();
        ResultsSink second = open(directory);
        second.append(Rows.warm("A#second", "f", 3, 10, 5));
        second.close();

        JsonNode invocations = mapper.readTree(directory.resolve("latest/results.json").toFile()).get("invocations");
        assertThat(invocations).singleElement().satisfies(row -> assertThat(row.get("test").asText())
                .isEqualTo("A#second"));
        assertThat(Files.readAllLines(directory.resolve("latest/results.csv"))).hasSize(2);
        assertThat(listing(directory)).containsExactlyInAnyOrder("20261126-175900-000", "20261126-175900-000-1",
                "latest");
        assertThat(mapper.readTree(directory.resolve("20261126-175900-000/results.json").toFile())
                .get("invocations")).hasSize(2);
    }

    @Test
    void keepsOnlyTheConfiguredNumberOfRuns() throws IOException {
        for (int i = 0; i < 4; i++) {
            ResultsSink sink = ResultsSink.open(new ResultsOptions(directory, 2, java.util.Optional.empty(), false,
                    0.1), RUN, Clock.fixed(OPENED.plusSeconds(i), ZoneOffset.UTC),
                    new PrintStream(console, true, StandardCharsets.UTF_8));
            sink.append(Rows.warm("A#run" + i, "f", 1, 10, 5));
            sink.close();
        }

        assertThat(listing(directory)).containsExactlyInAnyOrder("20261126-175902-000", "20261126-175903-000",
                "latest");
    }

    @Test
    void comparesWithTheBaselineAndFlagsARegressedGroup() throws IOException {
        ResultsSink before = open(directory);
        for (int i = 0; i < 30; i++) {
            before.append(Rows.warm("A#sleep", "f", i, 10_000 + i * 10, 9_000));
        }
        before.close();
        ResultsSink after = ResultsSink.open(new ResultsOptions(directory, 20, java.util.Optional.of("previous"),
                true, 0.1), RUN, Clock.fixed(OPENED.plusSeconds(60), ZoneOffset.UTC),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        for (int i = 0; i < 30; i++) {
            after.append(Rows.warm("A#sleep", "f", i, 20_000 + i * 10, 19_000));
        }

        assertThat(after.regressionsOf("A#sleep")).singleElement().asString()
                .startsWith("A#sleep f 256 MB warm: regressed: median 1.99x the baseline")
                .endsWith("against run 20261126-175900-000");
        after.close();

        JsonNode baseline = mapper.readTree(directory.resolve("latest/results.json").toFile()).get("baseline");
        assertThat(baseline.get("run").asText()).isEqualTo("20261126-175900-000");
        assertThat(baseline.get("groups").get(0).get("verdict").asText()).isEqualTo("regressed");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Compared with run 20261126-175900-000")
                .contains("A#sleep f 256 MB warm: regressed: median 1.99x");
    }

    @Test
    void aMissingBaselineRunIsNamedWithTheRunsThatExist() {
        assertThatThrownBy(() -> ResultsSink.open(new ResultsOptions(directory, 20, java.util.Optional.of("nope"),
                false, 0.1), RUN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openwhisk.baseline is 'nope'")
                .hasMessageContaining("'previous' for the newest");
    }

    @Test
    void theFilesAreReadableByOthersLikeOtherBuildOutput() throws IOException {
        assumeTrue(Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null,
                "file permissions are checked on POSIX file systems only");
        ResultsSink sink = open(directory);
        sink.append(Rows.warm("A#warm", "f", 1, 10, 5));
        sink.close();

        for (String file : List.of("results.json", "results.csv", "report.html", "sebs/result.csv",
                "sebs/experiments.json")) {
            assertThat(Files.getPosixFilePermissions(directory.resolve("latest").resolve(file))).as(file)
                    .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void keepsEveryRowWhenManyThreadsAppend() throws Exception {
        int threads = 8;
        int rowsPerThread = 250;
        ResultsSink sink = open(directory);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
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
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        sink.close();

        JsonNode json = mapper.readTree(directory.resolve("latest/results.json").toFile());
        assertThat(json.get("invocations")).hasSize(threads * rowsPerThread);
        assertThat(json.get("summary")).hasSize(threads);
    }

    @Test
    void saysWhichDirectoryCannotBeUsedAndWhatToSet() throws IOException {
        Path blocked = Files.writeString(directory.resolve("a-file"), "not a directory");

        assertThatThrownBy(() -> open(blocked.resolve("results")))
                .hasMessageContaining(blocked.resolve("results").toString())
                .hasMessageContaining("openwhisk.results.dir");
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
