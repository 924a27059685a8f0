package org.serverlessbench.openwhisk.junit.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.serverlessbench.openwhisk.client.Action;
import org.serverlessbench.openwhisk.junit.DeployedFunction;
import org.serverlessbench.openwhisk.junit.FunctionUpdate;
import org.serverlessbench.openwhisk.junit.HttpTrigger;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.LibraryTrigger;
import org.serverlessbench.openwhisk.junit.Trigger;
import org.serverlessbench.openwhisk.junit.TriggerType;

/**
 * A {@code @FunctionSource} argument: made by the arguments provider, before the test's own context exists, and
 * bound to the real trigger or handle of its test by the extension just before the test method runs.
 */
abstract class FunctionArgument {

    private final String function;
    private final String label;
    private final AtomicReference<Object> target = new AtomicReference<>();

    FunctionArgument(String function, String label) {
        this.function = function;
        this.label = label;
    }

    /** The argument for a parameter of {@code type}: a trigger or function handle that waits to be bound. */
    static FunctionArgument of(Class<?> type, String function, String label) {
        if (type == DeployedFunction.class) {
            return new Function(function, label);
        }
        if (type == LibraryTrigger.class) {
            return new Library(function, label);
        }
        if (type == HttpTrigger.class) {
            return new Http(function, label);
        }
        return new AnyTrigger(function, label);
    }

    String functionName() {
        return function;
    }

    /** The parameter type the extension must resolve for this argument. */
    abstract Class<?> parameterType();

    void bind(Object resolved) {
        target.set(resolved);
    }

    @SuppressWarnings("unchecked") // bind() is given an object of parameterType()
    <T> T target() {
        Object bound = target.get();
        if (bound == null) {
            throw new IllegalStateException("The @FunctionSource argument for function '" + function + "' is used"
                    + " outside of the test it was made for; use it only inside that test method");
        }
        return (T) bound;
    }

    @Override
    public String toString() {
        return label;
    }

    private static class AnyTrigger extends FunctionArgument implements Trigger {
        AnyTrigger(String function, String label) {
            super(function, label);
        }

        @Override
        Class<?> parameterType() {
            return Trigger.class;
        }

        @Override
        public Invocation invoke(Map<String, ?> parameters) {
            return this.<Trigger>target().invoke(parameters);
        }

        @Override
        public TriggerType type() {
            return this.<Trigger>target().type();
        }

        @Override
        public String function() {
            return functionName();
        }
    }

    private static final class Library extends AnyTrigger implements LibraryTrigger {
        Library(String function, String label) {
            super(function, label);
        }

        @Override
        Class<?> parameterType() {
            return LibraryTrigger.class;
        }
    }

    private static final class Http extends AnyTrigger implements HttpTrigger {
        Http(String function, String label) {
            super(function, label);
        }

        @Override
        Class<?> parameterType() {
            return HttpTrigger.class;
        }
    }

    private static final class Function extends FunctionArgument implements DeployedFunction {
        Function(String function, String label) {
            super(function, label);
        }

        @Override
        Class<?> parameterType() {
            return DeployedFunction.class;
        }

        @Override
        public String name() {
            return functionName();
        }

        @Override
        public String actionName() {
            return this.<DeployedFunction>target().actionName();
        }

        @Override
        public Action action() {
            return this.<DeployedFunction>target().action();
        }

        @Override
        public DeployedFunction update(FunctionUpdate update) {
            return this.<DeployedFunction>target().update(update);
        }
    }
}
