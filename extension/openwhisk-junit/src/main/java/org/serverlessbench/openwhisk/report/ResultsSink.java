package org.serverlessbench.openwhisk.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.serverlessbench.openwhisk.junit.ConfigurationKeys;

/**
 * Collects the invocations of one engine run in memory and, when it is closed at the end of the run, writes the
 * run's folder in the results directory ({@code results.json}, {@code results.csv}, {@code report.html} and the SeBS
 * export, see {@link ResultsFiles}), points {@code latest} at it, removes the oldest runs beyond the number to keep
 * and prints the summary table, compared with the baseline run when one is configured. A run without invocations
 * writes and prints nothing. Kept in the root {@code ExtensionContext.Store}, so Jupiter closes it after
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
    private final List<InvocationRow> rows = new ArrayList<>();
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
        if (baseline == null || !options.failOnRegression()) {
            return List.of();
        }
        List<InvocationRow> ofTest = rows.stream().filter(row -> row.test().equals(test)).toList();
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

    /**
     * Adds {@code row} to the run's results.
     *
     * @throws IllegalStateException when the sink is closed (the run has ended)
     */
    public synchronized void append(InvocationRow row) {
        Objects.requireNonNull(row, "row");
        if (closed) {
            throw new IllegalStateException("The results of this run were already written to " + directory
                    + "; invocation " + row.activationId() + " of " + row.test() + " came after the end of the run");
        }
        rows.add(row);
    }

    /**
     * Writes the files and prints the summary, once; closing again does nothing.
     *
     * @throws UncheckedIOException when the files cannot be written
     */
    @Override
    public void close() {
        List<InvocationRow> recorded;
        RunInfo info;
        synchronized (this) {
            info = run;
            if (closed) {
                return;
            }
            closed = true;
            recorded = new ArrayList<>(rows);
            rows.clear();
        }
        if (recorded.isEmpty()) {
            return;
        }
        recorded.sort(Comparator.comparing(InvocationRow::startedAt));
        RunReport report = RunReport.of(info, startedAt, clock.instant(), recorded);
        if (baseline != null) {
            report = report.comparedWith(baseline.runId(), baseline.compare(recorded));
        }
        RunHistory history = new RunHistory(directory);
        Path folder = null;
        try {
            folder = history.create(startedAt);
            ResultsFiles.write(folder, report);
            history.markLatest(folder);
            history.prune(options.keep(), folder);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(folder, e);
            throw new UncheckedIOException("Cannot write the results of this run to " + directory + " (configured by "
                    + ConfigurationKeys.RESULTS_DIR + "): " + e, e instanceof IOException io ? io : new IOException(e));
        }
        out.print(SummaryTable.render(report, folder.resolve(ResultsFiles.JSON) + ", " + ResultsFiles.CSV + ", "
                + ResultsFiles.HTML + " and " + ResultsFiles.SEBS + "/"));
        out.flush();
    }

    private static void deleteQuietly(Path folder, Exception cause) {
        if (folder == null) {
            return;
        }
        try {
            RunHistory.deleteTree(folder);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "ResultsSink[" + directory + "]";
    }
}
