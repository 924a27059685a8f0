package org.serverlessbench.openwhisk.junit.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.serverlessbench.openwhisk.junit.InvocationMode;
import org.serverlessbench.openwhisk.report.Conditions;

/**
 * One invocation of an experiment template: a value of each declared dimension ({@code null} for a dimension that
 * is not declared). Kept in the Store of its invocation's context, where the body driver and the triggers find it.
 */
record ExperimentPoint(Integer memoryMb, InvocationMode mode, Integer trial, Long payloadBytes, Duration idle,
        Experiment experiment) {

    private static final String KEY = "experiment-point";

    /** {@code [256 MB, warm, trial 2]}; {@code [30 samples]} when only {@code @Samples} is declared. */
    String displayName() {
        List<String> parts = new ArrayList<>();
        if (memoryMb != null) {
            parts.add(memoryMb + " MB");
        }
        if (mode != null) {
            parts.add(mode.rowName());
        }
        if (trial != null) {
            parts.add("trial " + trial);
        }
        if (payloadBytes != null) {
            parts.add("payload " + DataSizeText.format(payloadBytes));
        }
        if (idle != null) {
            parts.add("idle " + format(idle));
        }
        if (parts.isEmpty()) {
            parts.add(experiment.samples().describe());
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /**
     * The conditions of every invocation at this point; the idle time is set by the driver on the measured run only.
     */
    Conditions conditions() {
        return Conditions.NONE.withMode(mode == null ? null : mode.rowName()).withTrial(trial)
                .withPayloadBytes(payloadBytes);
    }

    void storeIn(ExtensionContext context) {
        context.getStore(OpenWhiskExtension.NAMESPACE).put(KEY, this);
    }

    /** The point of {@code context}'s template invocation, if it is one. */
    static Optional<ExperimentPoint> find(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(OpenWhiskExtension.NAMESPACE).get(KEY, ExperimentPoint.class));
    }

    /** {@code 1.5s}, {@code 250ms}, {@code 2min}. */
    static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms >= 60_000 && ms % 60_000 == 0) {
            return ms / 60_000 + "min";
        }
        if (ms >= 1000) {
            return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(Locale.ROOT, "%.3fs", ms / 1000.0)
                    .replaceAll("0+s$", "s");
        }
        return ms + "ms";
    }

    /** {@code 5 %}, {@code 2.5 %}. */
    static String percent(double fraction) {
        return new BigDecimal(fraction * 100).round(new MathContext(4)).stripTrailingZeros().toPlainString() + " %";
    }
}
