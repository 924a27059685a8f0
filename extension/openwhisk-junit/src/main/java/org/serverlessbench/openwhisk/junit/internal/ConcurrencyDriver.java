package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.Method;
import org.junit.platform.commons.support.AnnotationSupport;
import org.serverlessbench.openwhisk.junit.Concurrency;
import org.serverlessbench.openwhisk.junit.internal.load.ClosedLoop;
import org.serverlessbench.openwhisk.report.Conditions;

/** Runs the body of a {@link Concurrency} test on its callers, back to back, in a closed loop. */
final class ConcurrencyDriver implements BodyDriver {

    @Override
    public boolean appliesTo(Method method) {
        return AnnotationSupport.isAnnotated(method, Concurrency.class);
    }

    @Override
    public void drive(TestBody body) throws Throwable {
        Concurrency concurrency = AnnotationSupport.findAnnotation(body.method(), Concurrency.class).orElseThrow();
        long durationNanos = concurrency.duration().isBlank() ? 0
                : DurationText.parse(concurrency.duration(), "@Concurrency duration").toNanos();
        Conditions conditions = Conditions.NONE.withConcurrency(concurrency.value());
        if (concurrency.invocations() > 0) {
            TestProgress.planRuns(body.context(), concurrency.invocations(), false);
        }
        ClosedLoop.run(concurrency.value(), concurrency.invocations(), durationNanos, index -> body.run(conditions));
    }
}
