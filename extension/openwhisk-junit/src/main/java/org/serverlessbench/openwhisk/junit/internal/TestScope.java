package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Where a test's figures accumulate: a {@code @RepeatedTest}'s repetitions share the context of the repeated test,
 * every other test execution has its own.
 */
final class TestScope {

    private static final String REPETITION = "[test-template-invocation:#";

    private TestScope() {}

    /** The context whose Store keeps what the test measured. */
    static ExtensionContext of(ExtensionContext context) {
        return repetition(context).isPresent() ? context.getParent().orElse(context) : context;
    }

    /** Whether {@code context} is the test's last (or only) execution. */
    static boolean isLast(ExtensionContext context) {
        return repetition(context).map(at -> at[0] >= at[1]).orElse(true);
    }

    /** {@code {repetition, total}} of a {@code @RepeatedTest} execution; empty for any other execution. */
    static Optional<int[]> repetition(ExtensionContext context) {
        Optional<RepeatedTest> repeated = context.getTestMethod()
                .flatMap(method -> AnnotationSupport.findAnnotation(method, RepeatedTest.class));
        int at = context.getUniqueId().lastIndexOf(REPETITION);
        if (repeated.isEmpty() || at < 0) {
            return Optional.empty();
        }
        String rest = context.getUniqueId().substring(at + REPETITION.length());
        int repetition = Integer.parseInt(rest.substring(0, rest.indexOf(']')));
        return Optional.of(new int[] {repetition, repeated.get().value()});
    }

    /** {@code SimpleClass#method} for messages and the console. */
    static String displayName(Method method) {
        return method.getDeclaringClass().getSimpleName() + "#" + method.getName();
    }
}
