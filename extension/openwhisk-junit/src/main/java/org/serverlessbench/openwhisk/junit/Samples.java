package org.serverlessbench.openwhisk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serverlessbench.openwhisk.junit.internal.ExperimentTemplates;
import org.serverlessbench.openwhisk.junit.internal.OpenWhiskExtension;

/**
 * How many times the test's body runs in each run of the test (each point of an experiment). Fixed with
 * {@code @Samples(50)}; adaptive with {@code @Samples(min = 30, max = 1000, relativeCi = 0.05)}: the body runs at
 * least {@link #min()} times and stops as soon as Le Boudec's 95 % confidence interval of the median client time lies
 * within {@code median * (1 ± relativeCi)}, or after {@link #max()} runs. The outcome is published as report entries
 * ({@link ReportKeys#SAMPLES}, {@link ReportKeys#SAMPLES_STOPPED_BY}). The interval exists from 21 samples on, so
 * an adaptive run takes at least 21. See {@code docs/experiments.md}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@Execution(ExecutionMode.SAME_THREAD)
@ExtendWith({OpenWhiskExtension.class, ExperimentTemplates.class})
public @interface Samples {

    /** A fixed number of body runs, at least 1; 0 (default) for adaptive sampling with min, max and relativeCi. */
    int value() default 0;

    /** Adaptive: the least number of body runs; at least 1. */
    int min() default 30;

    /** Adaptive: the most body runs; at least {@link #min()}. */
    int max() default 1000;

    /** Adaptive: the half-width of the median's 95 % interval, relative to the median, at which to stop; in (0, 1). */
    double relativeCi() default 0.05;
}
