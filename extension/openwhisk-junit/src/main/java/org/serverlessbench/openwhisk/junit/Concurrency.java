package org.serverlessbench.openwhisk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A closed-loop load: {@link #value()} callers each run the test method's body back to back, each starting its next
 * run when its last one returned, until {@link #invocations()} runs were started in all or {@link #duration()} has
 * passed (exactly one of the two). Every invocation is recorded with {@code concurrency} set to {@link #value()}.
 *
 * <p>The body runs on the callers' threads, so it must be thread-safe; a failure of any run stops the callers and
 * fails the test. Cannot be combined with {@link Load}, {@link ColdStart} or {@link Warmup}. See
 * {@code docs/experiments.md}, section "Load".
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Concurrency {

    /** The number of callers, from 1 to {@value #MAX_CALLERS}. */
    int value();

    /** How many runs of the body in all callers together; 0 (the default) to run for {@link #duration()}. */
    int invocations() default 0;

    /** How long the callers keep starting runs, e.g. {@code "20s"}; empty (the default) to count instead. */
    String duration() default "";

    /** The largest {@link #value()} accepted: each caller is a thread of the test JVM. */
    int MAX_CALLERS = 1024;
}
