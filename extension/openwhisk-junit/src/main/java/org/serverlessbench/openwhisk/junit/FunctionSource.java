package org.serverlessbench.openwhisk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.serverlessbench.openwhisk.junit.internal.FunctionArgumentsProvider;

/**
 * Runs a {@code @ParameterizedTest} once per function: its first parameter, a {@link Trigger}, {@link LibraryTrigger},
 * {@link HttpTrigger} or {@link DeployedFunction}, is bound to each named function in turn, so one method measures
 * the same workload in several languages. {@link ColdStart} and {@link Warmup} apply per function.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @FunctionSource({"html-nodejs", "html-python", "html-java"})
 * @ColdStart
 * void cold(LibraryTrigger trigger) { ... }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(FunctionArgumentsProvider.class)
public @interface FunctionSource {

    /** Names as declared in {@link OpenWhiskFunction#name()}; empty for every function in scope, sorted by name. */
    String[] value() default {};

    /** How many test invocations each function gets, one after the other, like {@code @RepeatedTest}; at least 1. */
    int repetitions() default 1;
}
