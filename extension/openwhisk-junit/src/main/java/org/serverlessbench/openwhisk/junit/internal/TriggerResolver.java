package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.serverlessbench.openwhisk.junit.DeployedFunction;
import org.serverlessbench.openwhisk.junit.FunctionName;
import org.serverlessbench.openwhisk.junit.HttpTrigger;
import org.serverlessbench.openwhisk.junit.LibraryTrigger;
import org.serverlessbench.openwhisk.junit.Trigger;
import org.serverlessbench.openwhisk.junit.TriggerType;

/** Resolves {@link Trigger}, {@link LibraryTrigger}, {@link HttpTrigger} and {@link DeployedFunction} parameters. */
final class TriggerResolver {

    static boolean supports(Class<?> type) {
        return type == Trigger.class || type == LibraryTrigger.class || type == HttpTrigger.class
                || type == DeployedFunction.class;
    }

    Object resolve(ParameterContext parameterContext, ExtensionContext context, TestRun run) {
        Executable executable = parameterContext.getDeclaringExecutable();
        String parameter = parameterContext.getParameter().getType().getSimpleName() + " "
                + parameterContext.getParameter().getName();
        String where = executable.getDeclaringClass().getName() + "#" + executable.getName();
        if (executable instanceof Constructor) {
            throw new ParameterResolutionException("Parameter [" + parameter + "] in constructor of ["
                    + executable.getDeclaringClass().getName() + "]: OpenWhisk triggers and functions can only be"
                    + " injected into test and lifecycle methods");
        }
        Optional<String> wanted = parameterContext.findAnnotation(FunctionName.class).map(FunctionName::value);
        return resolve(parameterContext.getParameter().getType(), wanted, parameter, where, context, run);
    }

    /**
     * The trigger or function handle of {@code type} for function {@code wanted} (or the only one in scope), bound
     * to the test of {@code context}.
     *
     * @param parameter the parameter's type and name, for messages
     * @param where     {@code Class#method}, for messages
     */
    Object resolve(Class<?> type, Optional<String> wanted, String parameter, String where, ExtensionContext context,
            TestRun run) {
        DeployedAction action = select(wanted, context, parameter, where);
        if (type == DeployedFunction.class) {
            return action;
        }
        TriggerType triggerType = type == LibraryTrigger.class ? TriggerType.LIBRARY
                : type == HttpTrigger.class ? TriggerType.HTTP
                : run.settings().defaultTrigger();
        if (triggerType == TriggerType.HTTP && !action.spec().web()) {
            throw new ParameterResolutionException("Parameter [" + parameter + "] in method [" + where
                    + "] needs a web action, but function '" + action.name() + "' is declared with web = false;"
                    + " set web = true or use a LibraryTrigger");
        }
        return FunctionTrigger.create(action, run.call(triggerType), Recorder.of(context), TestPolicy.of(context));
    }

    private static DeployedAction select(Optional<String> wanted, ExtensionContext context, String parameter,
            String where) {
        Map<String, DeployedAction> available = available(context);
        if (wanted.isPresent()) {
            DeployedAction action = available.get(wanted.get());
            if (action == null) {
                throw new ParameterResolutionException("Parameter [" + parameter + "] in method [" + where
                        + "] asks for @FunctionName(\"" + wanted.get() + "\"), but no function of that name is deployed"
                        + " for it; available: " + available.keySet());
            }
            return action;
        }
        if (available.size() == 1) {
            return available.values().iterator().next();
        }
        if (available.isEmpty()) {
            throw new ParameterResolutionException("Parameter [" + parameter + "] in method [" + where
                    + "] needs a function to invoke, but no @OpenWhiskFunction is in scope: none is declared on this"
                    + " method, on " + where.substring(0, where.indexOf('#')) + ", its superclasses or enclosing"
                    + " classes. Declare one on the class or the method, for example @OpenWhiskFunction(name ="
                    + " \"hello\", code = \"src/test/functions/hello\"); see docs/annotations.md");
        }
        throw new ParameterResolutionException("Parameter [" + parameter + "] in method [" + where
                + "] is ambiguous: functions " + available.keySet() + " are deployed; select one with"
                + " @FunctionName(\"<name>\")");
    }

    /** The functions visible from {@code context}: its own, then those of each enclosing scope. */
    static Map<String, DeployedAction> available(ExtensionContext context) {
        Map<String, DeployedAction> available = new TreeMap<>();
        for (ExtensionContext scope = context; scope != null; scope = scope.getParent().orElse(null)) {
            FunctionRegistry.find(scope).ifPresent(registry -> registry.all().forEach(available::putIfAbsent));
        }
        return available;
    }
}
