package org.serverlessbench.openwhisk.report;

/**
 * The two confidence levels every summarised figure is given at. {@link #halfNormalQuantile()} is z/2 of the
 * two-sided normal quantile, the constant in Le Boudec's order-statistic interval for the median.
 */
public enum ConfidenceLevel {

    NINETY_FIVE(0.95, 0.98),
    NINETY_NINE(0.99, 1.288);

    private final double level;
    private final double halfNormalQuantile;

    ConfidenceLevel(double level, double halfNormalQuantile) {
        this.level = level;
        this.halfNormalQuantile = halfNormalQuantile;
    }

    /** The coverage, for example {@code 0.95}. */
    public double level() {
        return level;
    }

    double halfNormalQuantile() {
        return halfNormalQuantile;
    }

    /** {@code 95} or {@code 99}, for names in files and tables. */
    public int percent() {
        return (int) Math.round(level * 100);
    }
}
