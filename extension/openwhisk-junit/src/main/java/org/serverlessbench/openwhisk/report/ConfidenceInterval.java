package org.serverlessbench.openwhisk.report;

/** A two-sided confidence interval {@code [lower, upper]} at {@code level}. */
public record ConfidenceInterval(double lower, double upper, ConfidenceLevel level) {

    public ConfidenceInterval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("Not an interval: [" + lower + ", " + upper + "]");
        }
    }

    /** Half the width relative to {@code centre}, for example {@code 0.05} for ±5 %; infinite for a centre of 0. */
    public double relativeHalfWidth(double centre) {
        return centre == 0 ? Double.POSITIVE_INFINITY : (upper - lower) / 2 / Math.abs(centre);
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
