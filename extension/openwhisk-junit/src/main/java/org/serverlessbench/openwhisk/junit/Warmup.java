package org.serverlessbench.openwhisk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Before the first measured invocation of a function in this test method, invoke it {@link #value()} times with the
 * same parameters and trigger. Warm-up invocations are recorded with {@code warmup: true} and left out of the
 * statistics and report entries. With {@code @RepeatedTest} the warm-up runs once, before the first repetition.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Warmup {

    /** The number of warm-up invocations, at least 1. */
    int value();
}
