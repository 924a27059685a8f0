package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.serverlessbench.openwhisk.junit.ColdStart;
import org.serverlessbench.openwhisk.junit.DeployedFunction;
import org.serverlessbench.openwhisk.junit.FunctionName;
import org.serverlessbench.openwhisk.junit.FunctionSource;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;

/**
 * One JUnit resource lock per function, so that parallel tests cannot spoil each other's cold and warm starts: a
 * test that changes the action ({@code @ColdStart}, an experiment, or one that gets a {@link DeployedFunction} to
 * update it) takes it read-write, every other test read-only. A test locks the functions it names with
 * {@link FunctionName} or {@link FunctionSource}; one that names none, and an experiment (which changes memory and
 * revisions of every function in scope), locks every function in its scope. Registered by the
 * {@code @ResourceLock} meta-annotation of {@link OpenWhiskFunction}.
 */
public final class FunctionLocks implements ResourceLocksProvider {

    /** Prefix of the lock keys; the rest is the function's name, which is also its action's name without prefix. */
    public static final String KEY_PREFIX = "org.serverlessbench.openwhisk.function:";

    @Override
    public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method method) {
        ResourceAccessMode mode = changesTheAction(method) ? ResourceAccessMode.READ_WRITE : ResourceAccessMode.READ;
        Set<String> names = namedBy(method);
        if (names.isEmpty() || Experiment.declaredOn(method)) {
            names = inScope(enclosingInstanceTypes, testClass, method);
        }
        return names.stream().map(name -> new Lock(KEY_PREFIX + name, mode))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static boolean changesTheAction(Method method) {
        return AnnotationSupport.isAnnotated(method, ColdStart.class) || Experiment.declaredOn(method)
                || List.of(method.getParameterTypes()).contains(DeployedFunction.class);
    }

    /** The names of every function in scope of the context's test method, sorted. */
    static Set<String> functionsInScope(ExtensionContext context) {
        List<Class<?>> enclosing = new ArrayList<>();
        Class<?> testClass = context.getRequiredTestClass();
        for (Class<?> type = testClass; type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers());
                type = type.getEnclosingClass()) {
            enclosing.add(0, type.getEnclosingClass());
        }
        return new TreeSet<>(inScope(enclosing, testClass, context.getRequiredTestMethod()));
    }

    private static Set<String> namedBy(Method method) {
        Set<String> names = new LinkedHashSet<>();
        AnnotationSupport.findAnnotation(method, FunctionSource.class)
                .ifPresent(source -> names.addAll(List.of(source.value())));
        for (Parameter parameter : method.getParameters()) {
            AnnotationSupport.findAnnotation(parameter, FunctionName.class).map(FunctionName::value)
                    .ifPresent(names::add);
        }
        return names;
    }

    private static Set<String> inScope(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method method) {
        Set<String> names = new LinkedHashSet<>();
        AnnotationSupport.findRepeatableAnnotations(method, OpenWhiskFunction.class).stream()
                .map(OpenWhiskFunction::name).forEach(names::add);
        for (Class<?> type : enclosingInstanceTypes) {
            addClassFunctions(type, names);
        }
        addClassFunctions(testClass, names);
        return names;
    }

    private static void addClassFunctions(Class<?> testClass, Set<String> names) {
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            DeclaredFunctions.on(type).stream().map(OpenWhiskFunction::name).forEach(names::add);
        }
    }
}
