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
 * An experiment dimension with SeBS's perf-cost invocation modes: the test runs once per mode, and the mode decides
 * how its body's samples are taken (see {@link InvocationMode}). Rows carry the mode ({@code mode}), rejected
 * samples are kept in the results with the reason ({@code rejected}) and left out of the statistics. How many samples
 * each mode takes comes from {@link Samples} (default 1 run of the body per batch). Cannot be combined with
 * {@link ColdStart}, {@link Warmup} or {@link IdleTimes}. See {@code docs/experiments.md}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@Execution(ExecutionMode.SAME_THREAD)
@ExtendWith({OpenWhiskExtension.class, ExperimentTemplates.class})
public @interface Mode {

    /** The modes, in the order the runs take; not empty, no duplicates. */
    InvocationMode[] value();

    /** How many concurrent body runs make one batch in {@code WARM} and {@code BURST} mode; at least 1. */
    int batch() default 4;
}
