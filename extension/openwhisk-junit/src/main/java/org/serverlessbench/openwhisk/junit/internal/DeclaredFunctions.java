package org.serverlessbench.openwhisk.junit.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.commons.support.AnnotationSupport;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunctions;

/**
 * The {@code @OpenWhiskFunction}s declared on one element itself: directly, in the container or in composed
 * annotations. Unlike {@link AnnotationSupport#findRepeatableAnnotations}, never those of a superclass, so that the
 * caller can let a subclass replace an inherited function of the same name.
 */
final class DeclaredFunctions {

    private DeclaredFunctions() {
    }

    static List<OpenWhiskFunction> on(AnnotatedElement element) {
        List<OpenWhiskFunction> functions = new ArrayList<>();
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            if (annotation instanceof OpenWhiskFunction function) {
                functions.add(function);
            } else if (annotation instanceof OpenWhiskFunctions container) {
                functions.addAll(List.of(container.value()));
            } else if (!annotation.annotationType().getName().startsWith("java.lang.annotation.")) {
                functions.addAll(AnnotationSupport.findRepeatableAnnotations(annotation.annotationType(),
                        OpenWhiskFunction.class));
            }
        }
        return functions;
    }
}
