package org.serverlessbench.openwhisk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A limit on a figure of this test's measured invocations (warm-ups left out). When the test has run, the figure is
 * computed and the test fails if it exceeds {@link #max()}, with the measured value, its confidence interval where
 * one exists, and the limit. With {@code @RepeatedTest} the figure covers all repetitions and is checked after the
 * last one. See {@code docs/thresholds.md}.
 */
@Repeatable(Thresholds.class)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Threshold {

    Metric metric();

    /**
     * The largest acceptable value: a duration such as {@code "50ms"}, {@code "1.5s"} or {@code "800us"} for time
     * metrics, a fraction such as {@code "0.1"} or a percentage such as {@code "10%"} for ratio metrics.
     */
    String max();

    /** What a threshold limits. Percentiles are nearest rank, as in the results files. */
    enum Metric {
        CLIENT_P50, CLIENT_P95, CLIENT_P99, CLIENT_MEAN,
        PROVIDER_EXECUTION_P50, PROVIDER_EXECUTION_P95, PROVIDER_EXECUTION_MEAN,
        INIT_TIME_P50, INIT_TIME_MAX,
        COLD_RATIO, FAILURE_RATIO;

        /** Whether {@link Threshold#max()} is a ratio rather than a duration. */
        public boolean isRatio() {
            return this == COLD_RATIO || this == FAILURE_RATIO;
        }
    }
}
