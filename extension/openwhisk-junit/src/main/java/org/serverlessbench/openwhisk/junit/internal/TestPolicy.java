package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.serverlessbench.openwhisk.junit.ColdStart;
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
        boolean cold = AnnotationSupport.isAnnotated(method.get(), ColdStart.class);
        int warmups = AnnotationSupport.findAnnotation(method.get(), Warmup.class).map(Warmup::value).orElse(0);
        return new TestPolicy(cold, warmups, context, method.get());
    }

    /**
     * Runs {@code warmup} once per test method and function: before the first measured invocation of the first
     * repetition. Other threads calling meanwhile wait until it is done.
     */
    void warmUpOnce(String function, Runnable warmup) {
        if (warmups <= 0) {
            return;
        }
        ExtensionContext scope = context.getParent().orElse(context);
        AtomicBoolean done = scope.getStore(OpenWhiskExtension.NAMESPACE).getOrComputeIfAbsent(
                "warmup:" + scope.getUniqueId() + ":" + method.toGenericString() + ":" + function,
                key -> new AtomicBoolean(), AtomicBoolean.class);
        synchronized (done) {
            if (!done.get()) {
                warmup.run();
                done.set(true);
            }
        }
    }
}
