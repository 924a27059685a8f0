package org.serverlessbench.openwhisk.junit.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.Threshold;
import org.serverlessbench.openwhisk.junit.Threshold.Metric;
import org.serverlessbench.openwhisk.report.ConfidenceInterval;
import org.serverlessbench.openwhisk.report.ConfidenceLevel;
import org.serverlessbench.openwhisk.report.Statistics;

/** Checks one {@link Threshold} against the measured invocations of a test. */
final class ThresholdCheck {

    private final Metric metric;
    private final double limit;
    private final String limitText;

    private ThresholdCheck(Metric metric, double limit, String limitText) {
        this.metric = metric;
        this.limit = limit;
        this.limitText = limitText;
    }

    /**
     * Validates {@code threshold}; {@code declaredOn} names the test method for messages.
     *
     * @throws IllegalArgumentException naming the annotation, attribute and what is accepted
     */
    static ThresholdCheck of(Threshold threshold, String declaredOn) {
        String where = "@Threshold(metric = " + threshold.metric() + ") on " + declaredOn + ": attribute 'max'";
        if (!threshold.metric().isRatio()) {
            double micros = DurationText.parse(threshold.max(), where).toNanos() / 1000.0;
            return new ThresholdCheck(threshold.metric(), micros, threshold.max().trim());
        }
        String text = threshold.max().trim();
        try {
            double ratio = text.endsWith("%")
                    ? Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100
                    : Double.parseDouble(text);
            if (ratio < 0 || ratio > 1) {
                throw new NumberFormatException();
            }
            return new ThresholdCheck(threshold.metric(), ratio, text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " is \"" + threshold.max() + "\", which is not a ratio;"
                    + " write a fraction between 0 and 1 such as \"0.1\", or a percentage such as \"10%\"", e);
        }
    }

    /** A failure message when the measured figure exceeds the limit; empty when it holds or nothing was measured. */
    Optional<String> failure(List<? extends Invocation> measured) {
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        return switch (metric) {
            case COLD_RATIO -> ratio(measured, Invocation::cold, "cold starts");
            case FAILURE_RATIO -> ratio(measured, invocation -> !invocation.success(), "failed invocations");
            case CLIENT_P50, CLIENT_P95, CLIENT_P99, CLIENT_MEAN ->
                    time(values(measured, invocation -> OptionalLong.of(invocation.clientTimeUs())), "client time");
            case PROVIDER_EXECUTION_P50, PROVIDER_EXECUTION_P95, PROVIDER_EXECUTION_MEAN ->
                    time(values(measured, Invocation::providerExecutionUs), "provider execution time");
            case INIT_TIME_P50, INIT_TIME_MAX -> time(values(measured, Invocation::providerInitUs), "init time");
        };
    }

    private Optional<String> ratio(List<? extends Invocation> measured, Function<Invocation, Boolean> counted,
            String what) {
        long count = measured.stream().filter(counted::apply).count();
        double ratio = count / (double) measured.size();
        if (ratio <= limit) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s is %.1f %% (%d of %d %s), above the threshold of %s",
                metric, ratio * 100, count, measured.size(), what, limitText));
    }

    private Optional<String> time(long[] values, String what) {
        if (values.length == 0) {
            return Optional.empty();
        }
        Statistics statistics = Statistics.of(values);
        double value;
        String interval;
        switch (metric) {
            case CLIENT_MEAN, PROVIDER_EXECUTION_MEAN -> {
                value = statistics.mean();
                interval = describe(statistics.meanInterval(ConfidenceLevel.NINETY_FIVE), "Student's t");
            }
            case CLIENT_P50, PROVIDER_EXECUTION_P50, INIT_TIME_P50 -> {
                value = statistics.p50();
                interval = describe(statistics.medianInterval(ConfidenceLevel.NINETY_FIVE), "Le Boudec");
            }
            case CLIENT_P95, PROVIDER_EXECUTION_P95 -> {
                value = statistics.p95();
                interval = "";
            }
            case CLIENT_P99 -> {
                value = statistics.p99();
                interval = "";
            }
            default -> {
                value = statistics.max();
                interval = "";
            }
        }
        if (value <= limit) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s is %.3f ms%s over %d invocations with a %s, above the"
                + " threshold of %s", metric, value / 1000, interval, values.length, what, limitText));
    }

    private static String describe(Optional<ConfidenceInterval> interval, String method) {
        return interval.map(ci -> String.format(Locale.ROOT, " (95 %% CI [%.3f, %.3f] ms, %s)", ci.lower() / 1000,
                ci.upper() / 1000, method)).orElse(" (too few samples for a CI)");
    }

    private static long[] values(List<? extends Invocation> measured, Function<Invocation, OptionalLong> field) {
        return measured.stream().map(field).filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong)
                .toArray();
    }
}
