package org.serverlessbench.openwhisk.junit.internal;

import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;

/** Looks up the {@code @OpenWhiskFunction} fixtures a test declares on a holder class, by name. */
final class AnnotatedFunctions {

    private AnnotatedFunctions() {
    }

    static OpenWhiskFunction named(Class<?> holder, String name) {
        for (OpenWhiskFunction function : holder.getAnnotationsByType(OpenWhiskFunction.class)) {
            if (function.name().equals(name)) {
                return function;
            }
        }
        throw new IllegalArgumentException("no @OpenWhiskFunction named '" + name + "' on " + holder.getName());
    }
}
