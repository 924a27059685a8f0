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
 * An experiment dimension for SeBS's eviction-model question (how likely is a cold start after the function was idle
 * for t?): the test runs once per idle time, and each run takes {@link #pairs()} pairs of body runs: one run (recorded
 * as warm-up), a wait of t, a second run, whose rows carry {@code idleMs} and whether it was cold. The wait ends at a
 * scheduled time measured from the end of the first run. On the embedded target, containers are evicted after
 * {@link ConfigurationKeys#EMBEDDED_IDLE_TIMEOUT} idle. Cannot be combined with {@link Mode} or {@link Samples}. See
 * {@code docs/experiments.md}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@Execution(ExecutionMode.SAME_THREAD)
@ExtendWith({OpenWhiskExtension.class, ExperimentTemplates.class})
public @interface IdleTimes {

    /** Idle times, a number and a unit ({@code us}, {@code ms}, {@code s}, {@code min}); not empty. */
    String[] value();

    /** How many invoke-wait-invoke pairs each idle time gets; at least 1. */
    int pairs() default 5;
}
