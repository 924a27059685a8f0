package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.serverlessbench.openwhisk.junit.ConfigurationKeys;

/**
 * Writes the invocations of one engine run to the run's folder in the results directory as they come
 * ({@code results.csv}, SeBS's {@code result.csv} and the invocations of {@code results.json}, see {@link RowStream}),
 * the folder made at the first invocation; when it is closed at the end of the run, completes the files
 * ({@code results.json}, {@code report.html} and the SeBS export, see {@link ResultsFiles}) from the rows read back,
 * in the order of their start, points {@code latest} at the folder, removes the oldest runs beyond the number to
 * keep and prints the summary table, compared with the baseline run when one is configured. The rows are not kept in
 * memory during the run, except those a regression check needs. A run without invocations writes and prints
 * nothing. Kept in the root {@code ExtensionContext.Store}, so Jupiter closes it after
 * the last test, also when tests failed; it implements both close interfaces so that this does not depend on
 * {@code junit.jupiter.extensions.store.close.autocloseable.enabled}. Safe to use from several threads.
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13, or with AutoCloseable closing switched off
public final class ResultsSink implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final Path directory;
    private final ResultsOptions options;
    private final Baseline baseline;
    private RunInfo run;
    private final Instant startedAt;
    private final Clock clock;
    private final PrintStream out;
    private final RunHistory history;
    private final ObjectMapper mapper = new ObjectMapper();
    /** The measured rows of each test, kept only to check for regressions. */
    private final Map<String, List<InvocationRow>> measuredByTest = new HashMap<>();
    private Path folder;
    private RowStream stream;
    private boolean closed;

    private ResultsSink(Path directory, ResultsOptions options, Baseline baseline, RunInfo run, Clock clock,
            PrintStream out) {
        this.directory = directory;
        this.options = options;
        this.baseline = baseline;
        this.run = run;
        this.clock = clock;
        this.out = out;
        this.startedAt = clock.instant();
        this.history = new RunHistory(directory);
    }

    /**
     * A sink for a run on {@code run}'s target that writes to {@code resultsDirectory} (created now, so that a
     * directory that cannot be used fails the run before anything is deployed) and prints to {@code System.out}.
     *
     * @throws UncheckedIOException when the directory cannot be created
     */
    public static ResultsSink open(Path resultsDirectory, RunInfo run) {
        return open(ResultsOptions.in(resultsDirectory), run);
    }

    /**
     * A sink configured by {@code options}; the baseline, if any, is read now so that a wrong reference fails the run
     * before anything is deployed.
     *
     * @throws UncheckedIOException when the directory cannot be created or the baseline cannot be read
     * @throws IllegalArgumentException when the baseline run does not exist
     */
    public static ResultsSink open(ResultsOptions options, RunInfo run) {
        return open(options, run, Clock.systemUTC(), System.out);
    }

    static ResultsSink open(Path resultsDirectory, RunInfo run, Clock clock, PrintStream out) {
        return open(ResultsOptions.in(resultsDirectory), run, clock, out);
    }

    static ResultsSink open(ResultsOptions options, RunInfo run, Clock clock, PrintStream out) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(run, "run");
        Path directory = options.directory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the results directory " + directory + " (configured by "
                    + ConfigurationKeys.RESULTS_DIR + "): " + e + "; set " + ConfigurationKeys.RESULTS_DIR
                    + " to a writable folder", e);
        }
        Baseline baseline = options.baseline().map(reference -> readBaseline(directory, reference, options))
                .orElse(null);
        return new ResultsSink(directory, options, baseline, run, clock, out);
    }

    private static Baseline readBaseline(Path directory, String reference, ResultsOptions options) {
        RunHistory history = new RunHistory(directory);
        try {
            Optional<Path> folder = history.find(reference, null);
            if (folder.isEmpty()) {
                throw new IllegalArgumentException(ConfigurationKeys.BASELINE + " is '" + reference + "', but "
                        + directory + " has no such run with a results.json; runs there: " + runIds(history)
                        + ". Name one of them, or '" + RunHistory.PREVIOUS + "' for the newest");
            }
            return Baseline.read(folder.get(), options.minimumChange());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the baseline run '" + reference + "' (" + ConfigurationKeys
                    .BASELINE + ") in " + directory + ": " + e, e);
        }
    }

    private static List<String> runIds(RunHistory history) throws IOException {
        return history.runs().stream().map(path -> path.getFileName().toString()).toList();
    }

    /**
     * The groups of {@code test} measured so far compared with the baseline; empty without a baseline. Tests call
     * this to fail on a regression ({@link ResultsOptions#failOnRegression()}).
     */
    public synchronized List<String> regressionsOf(String test) {
        if (!checksRegressions()) {
            return List.of();
        }
        List<InvocationRow> ofTest = measuredByTest.getOrDefault(test, List.of());
        List<String> regressions = new ArrayList<>();
        baseline.compare(ofTest).forEach((group, comparison) -> {
            if (comparison.verdict() == Comparison.Verdict.REGRESSED) {
                regressions.add(group.describe() + ": " + comparison.describe() + " against run "
                        + baseline.runId());
            }
        });
        return regressions;
    }

    /**
     * Records the run's self-calibration, measured after the sink was opened, in the run info of the files and the
     * summary.
     */
    public synchronized void calibrated(Calibration calibration) {
        run = run.withCalibration(Objects.requireNonNull(calibration, "calibration"));
    }

    /** The folder that {@code results.json} and {@code results.csv} go to, absolute. */
    public Path directory() {
        return directory;
    }

    private boolean checksRegressions() {
        return baseline != null && options.failOnRegression();
    }

    /**
     * Adds {@code row} to the run's results.
     *
     * @throws IllegalStateException when the sink is closed (the run has ended)
     * @throws UncheckedIOException when the row cannot be written
     */
    public void append(InvocationRow row) {
        appendAll(List.of(row));
    }

    /**
     * Adds {@code rows} to the run's results, in the order they started, and hands them to the operating system, so
     * that they are in {@code results.csv} even if the JVM dies before the end of the run.
     *
     * @throws IllegalStateException when the sink is closed (the run has ended)
     * @throws UncheckedIOException when the rows cannot be written
     */
    public synchronized void appendAll(List<InvocationRow> rows) {
        for (InvocationRow row : rows) {
            Objects.requireNonNull(row, "row");
            if (closed) {
                throw new IllegalStateException("The results of this run were already written to " + directory
                        + "; invocation " + row.activationId() + " of " + row.test()
                        + " came after the end of the run");
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        List<InvocationRow> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing(InvocationRow::startedAt));
        try {
            if (folder == null) {
                folder = history.create(startedAt);
            }
            if (stream == null) {
                stream = RowStream.start(folder, mapper);
            }
            for (InvocationRow row : ordered) {
                stream.append(row);
                if (checksRegressions() && row.inStatistics()) {
                    measuredByTest.computeIfAbsent(row.test(), test -> new ArrayList<>()).add(row);
                }
            }
            stream.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the results of this run to " + (folder == null ? directory
                    : folder) + " (configured by " + ConfigurationKeys.RESULTS_DIR + "): " + e, e);
        }
    }

    /**
     * Writes the files and prints the summary, once; closing again does nothing.
     *
     * @throws UncheckedIOException when the files cannot be written
     */
    @Override
    public void close() {
        RowStream streamed;
        RunInfo info;
        Path written;
        synchronized (this) {
            info = run;
            if (closed) {
                return;
            }
            closed = true;
            streamed = stream;
            written = folder;
            stream = null;
            measuredByTest.clear();
        }
        if (streamed == null) {
            return;
        }
        RunReport report;
        try {
            List<InvocationRow> recorded = streamed.finish();
            if (!streamed.inOrder()) {
                recorded = new ArrayList<>(recorded);
                recorded.sort(Comparator.comparing(InvocationRow::startedAt));
            }
            report = RunReport.of(info, startedAt, clock.instant(), recorded);
            if (baseline != null) {
                report = report.comparedWith(baseline.runId(), baseline.compare(recorded));
            }
            if (streamed.inOrder()) {
                ResultsFiles.finish(written, report, streamed);
            } else {
                // tests that ran in parallel, or a class whose @BeforeAll rows came at its end: the files in order
                ResultsFiles.write(written, report);
            }
            streamed.deletePart();
            history.markLatest(written);
            history.prune(options.keep(), written);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("Cannot write the results of this run to " + directory + " (configured by "
                    + ConfigurationKeys.RESULTS_DIR + "): " + e + "; the rows recorded are in "
                    + written.resolve(ResultsFiles.CSV), e instanceof IOException io ? io : new IOException(e));
        }
        out.print(SummaryTable.render(report, written.resolve(ResultsFiles.JSON) + ", " + ResultsFiles.CSV + ", "
                + ResultsFiles.HTML + " and " + ResultsFiles.SEBS + "/"));
        out.flush();
    }

    @Override
    public String toString() {
        return "ResultsSink[" + directory + "]";
    }
}
