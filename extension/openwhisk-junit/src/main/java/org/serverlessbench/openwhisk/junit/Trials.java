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
 * An experiment dimension of independent trials, like JMH's forks: the test runs {@link #value()} times, and before
 * each trial every function in scope gets a new revision, so that no container of an earlier trial is reused. Rows
 * carry the trial number from 1 ({@code trial}), display names {@code [trial 2]}. See {@code docs/experiments.md}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@Execution(ExecutionMode.SAME_THREAD)
@ExtendWith({OpenWhiskExtension.class, ExperimentTemplates.class})
public @interface Trials {

    /** The number of trials; at least 1. */
    int value();
}
