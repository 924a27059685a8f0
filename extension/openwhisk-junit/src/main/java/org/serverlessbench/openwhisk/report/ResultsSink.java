package org.serverlessbench.openwhisk.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.serverlessbench.openwhisk.junit.ConfigurationKeys;

/**
 * Collects the invocations of one engine run in memory and, when it is closed at the end of the run, writes
 * {@code results.json} and {@code results.csv} to the results directory and prints the summary table. A run without
 * invocations writes and prints nothing. Kept in the root {@code ExtensionContext.Store}, so Jupiter closes it after
 * the last test, also when tests failed; it implements both close interfaces so that this does not depend on
 * {@code junit.jupiter.extensions.store.close.autocloseable.enabled}. Safe to use from several threads.
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13, or with AutoCloseable closing switched off
public final class ResultsSink implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final Path directory;
    private final RunInfo run;
    private final Instant startedAt;
    private final Clock clock;
    private final PrintStream out;
    private final List<InvocationRow> rows = new ArrayList<>();
    private boolean closed;

    private ResultsSink(Path directory, RunInfo run, Clock clock, PrintStream out) {
        this.directory = directory;
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
        return open(resultsDirectory, run, Clock.systemUTC(), System.out);
    }

    static ResultsSink open(Path resultsDirectory, RunInfo run, Clock clock, PrintStream out) {
        Objects.requireNonNull(resultsDirectory, "resultsDirectory");
        Objects.requireNonNull(run, "run");
        Path directory = resultsDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the results directory " + directory + " (configured by "
                    + ConfigurationKeys.RESULTS_DIR + "): " + e + "; set " + ConfigurationKeys.RESULTS_DIR
                    + " to a writable folder", e);
        }
        return new ResultsSink(directory, run, clock, out);
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
        synchronized (this) {
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
        RunReport report = RunReport.of(run, startedAt, clock.instant(), recorded);
        try {
            ResultsFiles.write(directory, report);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the results of this run to " + directory + " (configured by "
                    + ConfigurationKeys.RESULTS_DIR + "): " + e, e);
        }
        out.print(SummaryTable.render(report, displayPath(directory.resolve(ResultsFiles.JSON)) + " and "
                + ResultsFiles.CSV));
        out.flush();
    }

    private static Path displayPath(Path file) {
        Path workingDirectory = Paths.get("").toAbsolutePath();
        return file.startsWith(workingDirectory) ? workingDirectory.relativize(file) : file;
    }

    @Override
    public String toString() {
        return "ResultsSink[" + directory + "]";
    }
}
