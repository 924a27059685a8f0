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
 * An experiment dimension: the test runs once per memory size, the functions updated to that memory limit before
 * each run and set back to their declared memory after it. Display names and rows carry the size
 * ({@code [256 MB]}). The sizes must lie within the target's limits ({@code GET /namespaces/_/limits}). Combines
 * with the other dimensions ({@link Mode}, {@link Trials}, {@link PayloadSizes}, {@link IdleTimes}) as a cartesian
 * product. See {@code docs/experiments.md}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@Execution(ExecutionMode.SAME_THREAD)
@ExtendWith({OpenWhiskExtension.class, ExperimentTemplates.class})
public @interface MemorySizes {

    /** Memory limits in MB, in the order the runs take; not empty, each within the target's limits. */
    int[] value();

    /** The functions to update, by {@link OpenWhiskFunction#name()}; empty (default) for every function in scope. */
    String[] functions() default {};
}
