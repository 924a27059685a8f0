package org.serverlessbench.openwhisk.report;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a run's results are kept and compared.
 *
 * @param directory the results directory; each run gets a folder in it
 * @param keep how many runs to keep, at least 1
 * @param baseline the run to compare with: a run id, {@code previous}, or empty for none
 * @param failOnRegression whether a test whose group regressed against the baseline fails
 * @param minimumChange the relative change of the median that counts, for example {@code 0.10}
 */
public record ResultsOptions(Path directory, int keep, Optional<String> baseline, boolean failOnRegression,
        double minimumChange) {

    public static final int DEFAULT_KEEP = 20;
    public static final double DEFAULT_MINIMUM_CHANGE = 0.10;

    public ResultsOptions {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(baseline, "baseline");
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        if (!(minimumChange >= 0)) {
            throw new IllegalArgumentException("minimumChange must be at least 0, was " + minimumChange);
        }
    }

    /** Results in {@code directory}, the default history, no baseline. */
    public static ResultsOptions in(Path directory) {
        return new ResultsOptions(directory, DEFAULT_KEEP, Optional.empty(), false, DEFAULT_MINIMUM_CHANGE);
    }
}
