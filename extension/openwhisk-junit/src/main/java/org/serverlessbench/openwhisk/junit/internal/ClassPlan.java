package org.serverlessbench.openwhisk.junit.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.serverlessbench.openwhisk.junit.ColdStart;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.Warmup;

/**
 * The validated functions of a test class: those on the class and its superclasses (a subclass's function replaces
 * an inherited one of the same name) and those on each of its methods. Reading it checks every annotation of the
 * class at once, so a mistake anywhere fails the class before anything is deployed.
 */
record ClassPlan(List<FunctionSpec> classFunctions, Map<Method, List<FunctionSpec>> methodFunctions) {

    /** @throws ExtensionConfigurationException listing every problem found */
    static ClassPlan read(Class<?> testClass, FunctionSpecReader reader) {
        List<String> problems = new ArrayList<>();
        List<FunctionSpec> classFunctions = new ArrayList<>();
        Set<String> classNames = new HashSet<>();
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            String where = "class " + type.getName();
            Set<String> declaredHere = new HashSet<>();
            for (OpenWhiskFunction function : DeclaredFunctions.on(type)) {
                if (!declaredHere.add(function.name())) {
                    problems.add("@OpenWhiskFunction(name = \"" + function.name() + "\") on " + where
                            + ": the name is declared twice; names must be unique per class");
                    continue;
                }
                if (classNames.add(function.name())) {
                    reader.read(function, where, problems).ifPresent(classFunctions::add);
                }
            }
        }
        Map<Method, List<FunctionSpec>> methodFunctions = new LinkedHashMap<>();
        for (Method method : ReflectionSupport.findMethods(testClass, candidate -> true,
                HierarchyTraversalMode.TOP_DOWN)) {
            String where = "method " + testClass.getName() + "#" + method.getName();
            checkPolicy(method, where, problems);
            Experiment.read(method, where, reader.limits(), problems);
            LoadAnnotations.check(method, where, problems);
            List<FunctionSpec> specs = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (OpenWhiskFunction function : AnnotationSupport.findRepeatableAnnotations(method,
                    OpenWhiskFunction.class)) {
                if (classNames.contains(function.name()) || !names.add(function.name())) {
                    problems.add("@OpenWhiskFunction(name = \"" + function.name() + "\") on " + where
                            + ": the name is already declared " + (classNames.contains(function.name())
                                    ? "on the class" : "on this method") + "; names must be unique per class");
                    continue;
                }
                reader.read(function, where, problems).ifPresent(specs::add);
            }
            if (!specs.isEmpty()) {
                methodFunctions.put(method, List.copyOf(specs));
            }
        }
        if (!problems.isEmpty()) {
            throw new ExtensionConfigurationException("Invalid OpenWhisk annotations in " + testClass.getName()
                    + " (nothing was deployed):\n  - " + String.join("\n  - ", problems));
        }
        return new ClassPlan(List.copyOf(classFunctions), Map.copyOf(methodFunctions));
    }

    private static void checkPolicy(Method method, String where, List<String> problems) {
        Optional<Warmup> warmup = AnnotationSupport.findAnnotation(method, Warmup.class);
        if (warmup.isPresent() && warmup.get().value() < 1) {
            problems.add("@Warmup(" + warmup.get().value() + ") on " + where + ": attribute 'value' must be at"
                    + " least 1");
        }
        if (warmup.isPresent() && AnnotationSupport.isAnnotated(method, ColdStart.class)) {
            problems.add("@ColdStart and @Warmup on " + where + ": a cold-start test cannot warm up; remove one of"
                    + " them");
        }
    }

    List<FunctionSpec> functionsOf(Method method) {
        return methodFunctions.getOrDefault(method, List.of());
    }
}
