package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.serverlessbench.openwhisk.report.Conditions;

/**
 * The body of one test method with its resolved arguments, runnable as often as an experiment needs, on any thread.
 * Every invocation made during a run is recorded with the given conditions overlaid on the test's.
 */
final class TestBody {

    private final Method method;
    private final Object target;
    private final List<Object> arguments;
    private final Recorder recorder;
    private final ExtensionContext context;

    private TestBody(Method method, Object target, List<Object> arguments, Recorder recorder,
            ExtensionContext context) {
        this.method = method;
        this.target = target;
        this.arguments = arguments;
        this.recorder = recorder;
        this.context = context;
    }

    static TestBody of(ReflectiveInvocationContext<Method> invocation, ExtensionContext context) {
        Method method = invocation.getExecutable();
        method.setAccessible(true);
        return new TestBody(method, invocation.getTarget().orElse(null), invocation.getArguments(),
                Recorder.of(context), context);
    }

    /** Runs the body once; an exception it throws is rethrown as it is. */
    void run(Conditions conditions) throws Throwable {
        recorder.countedRun(() -> recorder.during(conditions, this::invokeMethod));
    }

    /**
     * Runs the body once as the run of an open-loop schedule meant to start at {@code scheduledNanos}
     * ({@link System#nanoTime()}); its invocations are recorded with their latency from that moment.
     */
    void runScheduled(Conditions conditions, long scheduledNanos) throws Throwable {
        recorder.countedRun(() -> recorder.scheduled(scheduledNanos, conditions, this::invokeMethod));
    }

    private Object invokeMethod() throws Throwable {
        try {
            return method.invoke(target, arguments.toArray());
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    Method method() {
        return method;
    }

    Recorder recorder() {
        return recorder;
    }

    ExtensionContext context() {
        return context;
    }
}
