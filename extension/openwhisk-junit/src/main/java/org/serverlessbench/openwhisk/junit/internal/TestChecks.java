package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.Threshold;
import org.serverlessbench.openwhisk.report.ResultsSink;

/**
 * The checks that run after a test on what it measured: its {@link Threshold}s and, with
 * {@code openwhisk.baseline.failOn=regression}, the comparison with the baseline run. A {@code @RepeatedTest} is
 * checked once, after its last repetition, over all repetitions.
 */
final class TestChecks {

    private TestChecks() {}

    /** Keeps {@code measured} for the checks of the test that {@code context} belongs to. */
    static void collect(ExtensionContext context, List<Invocation> measured) {
        if (!measured.isEmpty() && context.getTestMethod().isPresent()) {
            samples(TestScope.of(context)).addAll(measured);
        }
    }

    /**
     * Runs the checks when {@code context} is the test's last (or only) execution.
     *
     * @throws AssertionFailedError listing every check that failed
     */
    static void check(ExtensionContext context, ResultsSink sink) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty() || !TestScope.isLast(context)) {
            return;
        }
        List<String> failures = new ArrayList<>();
        String declaredOn = TestScope.displayName(method.get());
        List<Threshold> thresholds = AnnotationSupport.findRepeatableAnnotations(method.get(), Threshold.class);
        List<Invocation> measured = List.copyOf(samples(TestScope.of(context)));
        for (Threshold threshold : thresholds) {
            ThresholdCheck.of(threshold, declaredOn).failure(measured).ifPresent(failures::add);
        }
        failures.addAll(sink.regressionsOf(Recorder.testName(context)));
        if (!failures.isEmpty()) {
            throw new AssertionFailedError(declaredOn + " measured " + measured.size() + " invocations and failed "
                    + (failures.size() == 1 ? "a check: " : failures.size() + " checks:\n  ")
                    + String.join("\n  ", failures));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Invocation> samples(ExtensionContext scope) {
        return scope.getStore(OpenWhiskExtension.NAMESPACE).getOrComputeIfAbsent("samples:" + scope.getUniqueId(),
                key -> java.util.Collections.synchronizedList(new ArrayList<Invocation>()), List.class);
    }
}
