package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns the rows that the {@link ResultsSink}s of a test run recorded into {@code results.json} and
 * {@code results.csv} in the results directory, and prints a summary table, when the test plan has finished (also
 * when tests failed). A run without OpenWhisk invocations writes and prints nothing.
 *
 * <p>Registered through {@code META-INF/services}, so every JUnit Platform launcher (Maven Surefire, Gradle, IDEs)
 * picks it up. The results directory comes from the configuration parameter {@value #RESULTS_DIRECTORY_KEY} (default
 * {@value #DEFAULT_RESULTS_DIRECTORY}, relative to the working directory).
 */
public final class OpenWhiskResultsListener implements TestExecutionListener {

    /** Same key as the extension's {@code openwhisk.results.dir}. */
    public static final String RESULTS_DIRECTORY_KEY = "openwhisk.results.dir";
    public static final String DEFAULT_RESULTS_DIRECTORY = "target/openwhisk-results";
    public static final String RESULTS_JSON = "results.json";
    public static final String RESULTS_CSV = "results.csv";

    private record Run(Path directory, Instant startedAt, Set<Path> earlierFiles) {}

    private final Map<TestPlan, Run> runs = new ConcurrentHashMap<>();
    private final long pid;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper mapper = new ObjectMapper();

    /** The listener the launcher instantiates: this process, the system clock, {@code System.out}/{@code err}. */
    public OpenWhiskResultsListener() {
        this(ProcessHandle.current().pid(), Clock.systemUTC(), System.out, System.err);
    }

    OpenWhiskResultsListener(long pid, Clock clock, PrintStream out, PrintStream err) {
        this.pid = pid;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** The results directory that {@code testPlan} is configured with, as an absolute path. */
    static Path resultsDirectory(TestPlan testPlan) {
        String configured = testPlan.getConfigurationParameters().get(RESULTS_DIRECTORY_KEY)
                .filter(value -> !value.isBlank())
                .orElse(DEFAULT_RESULTS_DIRECTORY);
        return Paths.get(configured.strip()).toAbsolutePath().normalize();
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        Path directory = resultsDirectory(testPlan);
        Set<Path> earlierFiles = Set.of();
        try {
            removeStaleFiles(directory);
            // files this JVM wrote for an earlier test plan (a nested or repeated launcher run) belong to that plan
            earlierFiles = Set.copyOf(RunFiles.ofProcess(directory, pid));
        } catch (IOException e) {
            err.println("[openwhisk] Cannot clean up old per-run files in " + directory + ": " + e.getMessage());
        }
        runs.put(testPlan, new Run(directory, clock.instant(), earlierFiles));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Run run = runs.remove(testPlan);
        if (run == null) {
            return;
        }
        try {
            List<Path> files = RunFiles.ofProcess(run.directory(), pid).stream()
                    .filter(file -> !run.earlierFiles().contains(file))
                    .toList();
            RunRecording recording = RunRecording.read(files, mapper);
            recording.problems().forEach(problem -> err.println("[openwhisk] " + problem));
            if (recording.rows().isEmpty()) {
                return;
            }
            RunInfo info = recording.run().orElseGet(() -> new RunInfo("unknown", null, Map.of()));
            RunReport report = RunReport.of(info, run.startedAt(), clock.instant(), recording.rows());
            Path json = run.directory().resolve(RESULTS_JSON);
            writeAtomically(json, writer -> new ResultsJsonWriter(mapper).write(report, writer));
            Path csv = run.directory().resolve(RESULTS_CSV);
            writeAtomically(csv, writer -> new ResultsCsvWriter().write(report.rows(), writer));
            out.print(SummaryTable.render(report, displayPath(json) + " and " + csv.getFileName()));
            out.flush();
        } catch (IOException | RuntimeException e) {
            err.println("[openwhisk] Cannot write the results of this run to " + run.directory()
                    + " (set by " + RESULTS_DIRECTORY_KEY + "): " + e);
        }
    }

    /** Deletes per-run files of processes that have ended, and files of this pid older than this process. */
    private void removeStaleFiles(Path directory) throws IOException {
        Optional<Instant> processStart = ProcessHandle.current().info().startInstant();
        for (Path file : RunFiles.all(directory)) {
            OptionalLong owner = RunFiles.pidOf(file);
            boolean stale;
            if (owner.getAsLong() == pid) {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                stale = processStart.isPresent() && modified.isBefore(processStart.get());
            } else {
                stale = !ProcessHandle.of(owner.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
            }
            if (stale) {
                Files.deleteIfExists(file);
            }
        }
    }

    private interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    private static void writeAtomically(Path target, Content content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                content.writeTo(writer);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Path displayPath(Path file) {
        Path workingDirectory = Paths.get("").toAbsolutePath();
        return file.startsWith(workingDirectory) ? workingDirectory.relativize(file) : file;
    }
}
