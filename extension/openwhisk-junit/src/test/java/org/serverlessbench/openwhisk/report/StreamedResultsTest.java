package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files written while the run records are, once it ends, byte for byte what the writers make of the same rows in
 * the order they started; and the rows appended so far survive a JVM that dies.
 */
class StreamedResultsTest {

    private static final RunInfo RUN = new RunInfo("embedded", "http://127.0.0.1:3233", Map.of("java", "17"));
    private static final Instant OPENED = Instant.parse("2026-11-26T17:59:00Z");
    private static final String FOLDER = "20261126-175900-000";

    @TempDir
    Path directory;

    private ResultsSink open() {
        return ResultsSink.open(directory, RUN, Clock.fixed(OPENED, ZoneOffset.UTC),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static List<InvocationRow> rows() {
        Map<String, Object> measurement = new LinkedHashMap<>();
        measurement.put("compute_time", 1234);
        measurement.put("ratio", 0.25);
        measurement.put("note", "a, \"quoted\" note");
        measurement.put("sizes", List.of(1, 2L, 3_000_000_000L));
        List<InvocationRow> rows = new ArrayList<>(List.of(
                Rows.warmup("A#measures", "f", 0),
                Rows.cold("A#measures", "f", 1, 40_000, 35_000, 30_000),
                Rows.warm("A#measures", "f", 2, 2_000, 1_500),
                Rows.failed("A#fails", "g", 3),
                Rows.failed("A#fails", "g", 4),
                new InvocationRow("A#image", "h", "run1-h", "http", "act5", false, false, "success", true, 900, 800L,
                        null, 5L, 700L, 512, Rows.T0.plusSeconds(5), InvocationRow.IMAGE, "ex/h:1", "110.dynamic-html",
                        "nodejs", measurement, new Conditions("warm", 4, 2, Rows.T0.plusMillis(4_900), 1024L, 10L),
                        InvocationRow.REJECTED_COLD_IN_WARM_MODE, 1_000L)));
        rows.addAll(ExperimentRows.all(3, Rows.T0.plusSeconds(6)));
        return rows.stream().sorted(Comparator.comparing(InvocationRow::startedAt)).toList();
    }

    @Test
    void rowsAppendedInOrderAreWrittenAsTheWritersWriteThem() throws IOException {
        List<InvocationRow> rows = rows();
        ResultsSink sink = open();
        sink.appendAll(rows.subList(0, 3));
        rows.subList(3, rows.size()).forEach(sink::append);
        sink.close();

        assertFilesAreThoseOf(rows);
    }

    @Test
    void rowsAppendedOutOfOrderAreWrittenInTheOrderTheyStarted() throws IOException {
        List<InvocationRow> rows = rows();
        ResultsSink sink = open();
        sink.appendAll(rows.subList(3, rows.size()));
        sink.appendAll(List.of(rows.get(2), rows.get(0), rows.get(1)));
        sink.close();

        assertFilesAreThoseOf(rows);
    }

    private void assertFilesAreThoseOf(List<InvocationRow> rows) throws IOException {
        List<InvocationRow> ordered = rows;
        RunReport report = RunReport.of(RUN, OPENED, OPENED, ordered);
        ObjectMapper mapper = new ObjectMapper();
        Path folder = directory.resolve(FOLDER);
        assertThat(text(folder.resolve("results.json"))).isEqualTo(written(out -> new ResultsJsonWriter(mapper)
                .write(report, out)));
        assertThat(text(folder.resolve("results.csv"))).isEqualTo(written(out -> new ResultsCsvWriter()
                .write(ordered, out)));
        assertThat(text(folder.resolve("sebs/result.csv"))).isEqualTo(written(out -> new SebsResultCsvWriter()
                .write(ordered, out)));
        assertThat(text(folder.resolve("sebs/experiments.json"))).isEqualTo(written(out ->
                new SebsExperimentsJsonWriter(mapper).write(report, out)));
        assertThat(text(folder.resolve("report.html"))).isEqualTo(new HtmlReportWriter().render(report));
        for (String json : List.of("results.json", "sebs/experiments.json")) {
            assertThat(text(folder.resolve(json))).as("%s as a whole tree is written", json).isEqualTo(mapper
                    .writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(folder.resolve(json)
                            .toFile())));
        }
        try (var files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("results.json", "results.csv", "report.html", "sebs");
        }
    }

    @Test
    void aJvmThatIsKilledLeavesEveryAppendedRowInResultsCsv() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AppendsAndWaits.class.getName(), directory.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo(AppendsAndWaits.APPENDED);
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        List<List<String>> csv = Csv.parse(text(directory.resolve(FOLDER).resolve("results.csv")));
        assertThat(csv).hasSize(1 + AppendsAndWaits.ROWS);
        assertThat(csv.get(AppendsAndWaits.ROWS).get(4)).isEqualTo("act" + (AppendsAndWaits.ROWS - 1));
        assertThat(directory.resolve(FOLDER).resolve("results.json")).doesNotExist();
    }

    /** Appends rows in batches of one to a hundred, says so, and waits to be killed. */
    static final class AppendsAndWaits {
        static final String APPENDED = "appended";
        static final int ROWS = 1_000;

        public static void main(String[] args) throws InterruptedException {
            ResultsSink sink = ResultsSink.open(Path.of(args[0]), RUN, Clock.fixed(OPENED, ZoneOffset.UTC),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            for (int i = 0; i < ROWS; ) {
                int batch = Math.min(ROWS - i, 1 + i % 100);
                List<InvocationRow> rows = new ArrayList<>();
                for (int j = 0; j < batch; j++, i++) {
                    rows.add(Rows.warm("A#killed", "f", i, 1_000 + i, 900));
                }
                sink.appendAll(rows);
            }
            System.out.println(APPENDED);
            System.out.flush();
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }

    private interface Content {
        void writeTo(StringWriter out) throws IOException;
    }

    private static String written(Content content) throws IOException {
        StringWriter out = new StringWriter();
        content.writeTo(out);
        return out.toString();
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
