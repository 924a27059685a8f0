package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.serverlessbench.openwhisk.junit.ColdStart;
import org.serverlessbench.openwhisk.junit.InvocationMode;
import org.serverlessbench.openwhisk.junit.Warmup;

/**
 * What {@code @ColdStart} and {@code @Warmup} ask of the invocations in one test.
 *
 * @param method the test method; null outside of one (e.g. in {@code @BeforeAll})
 */
record TestPolicy(boolean coldStart, int warmups, ExtensionContext context, Method method) {

    static TestPolicy of(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty()) {
            return new TestPolicy(false, 0, context, null);
        }
        boolean cold = AnnotationSupport.isAnnotated(method.get(), ColdStart.class) || coldMode(context);
        int warmups = AnnotationSupport.findAnnotation(method.get(), Warmup.class).map(Warmup::value).orElse(0);
        return new TestPolicy(cold, warmups, context, method.get());
    }

    /**
     * Whether the test runs at a point of an experiment in {@code InvocationMode.COLD}: its invocations are forced
     * cold, and one that still comes back warm is recorded as rejected instead of failing the test.
     */
    static boolean coldMode(ExtensionContext context) {
        return ExperimentPoint.find(context).map(point -> point.mode() == InvocationMode.COLD).orElse(false);
    }

    /**
     * Runs {@code warmup} before the first measured invocation of {@code action} in this test method (once for all
     * repetitions), and again whenever the action got a new revision since, because a new revision starts cold.
     * Other threads calling meanwhile wait until it is done.
     */
    void warmUp(DeployedAction action, Runnable warmup) {
        if (warmups <= 0) {
            return;
        }
        ExtensionContext scope = context.getParent().orElse(context);
        WarmedRevision warmed = scope.getStore(OpenWhiskExtension.NAMESPACE).getOrComputeIfAbsent(
                "warmup:" + scope.getUniqueId() + ":" + method.toGenericString() + ":" + action.name(),
                key -> new WarmedRevision(), WarmedRevision.class);
        synchronized (warmed) {
            long current = action.revision();
            if (warmed.revision != current) {
                warmup.run();
                warmed.revision = current;
            }
        }
    }

    /** The action revision a test last warmed up; guarded by its own monitor. */
    private static final class WarmedRevision {
        private long revision = -1;
    }
}
