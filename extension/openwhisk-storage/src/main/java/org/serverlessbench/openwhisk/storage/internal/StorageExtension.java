package org.serverlessbench.openwhisk.storage.internal;

import java.lang.reflect.Constructor;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.serverlessbench.openwhisk.storage.NoSqlStorage;
import org.serverlessbench.openwhisk.storage.ObjectStorage;
import org.serverlessbench.openwhisk.storage.OpenWhiskStorage;

/**
 * The extension behind {@link OpenWhiskStorage}: injects {@link ObjectStorage} and {@link NoSqlStorage} and notes
 * failed tests for the {@code on-success} cleanup. The services live in the root Store, each class's bucket and
 * tables in the Store of the class that declares them.
 */
public final class StorageExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {

    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StorageExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == ObjectStorage.class || type == NoSqlStorage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        String where = "Parameter [" + type.getSimpleName() + " " + parameterContext.getParameter().getName()
                + "] in [" + parameterContext.getDeclaringExecutable() + "]";
        if (parameterContext.getDeclaringExecutable() instanceof Constructor) {
            throw new ParameterResolutionException(where + ": storage can only be injected into test and lifecycle"
                    + " methods");
        }
        ClassStorage storage = classStorage(extensionContext).orElseThrow(() -> new ParameterResolutionException(
                where + " needs @OpenWhiskStorage on the test class"));
        if (type == ObjectStorage.class) {
            return storage.objects().orElseThrow(() -> new ParameterResolutionException(where + " needs object"
                    + " storage, but @OpenWhiskStorage on " + storage.declaredOn() + " has object = false"));
        }
        return storage.tables().orElseThrow(() -> new ParameterResolutionException(where + " needs NoSQL tables,"
                + " but @OpenWhiskStorage on " + storage.declaredOn() + " declares no tables"));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        noteOutcome(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        noteOutcome(context);
    }

    private static void noteOutcome(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            find(context).ifPresent(ClassStorage::noteFailure);
        }
    }

    /** The storage of the class that declares {@link OpenWhiskStorage} for {@code context}, made on first use. */
    static Optional<ClassStorage> classStorage(ExtensionContext context) {
        Optional<ExtensionContext> owner = owner(context);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        ExtensionContext classContext = owner.get();
        Class<?> testClass = classContext.getRequiredTestClass();
        OpenWhiskStorage declaration = AnnotationSupport.findAnnotation(testClass, OpenWhiskStorage.class)
                .orElseThrow();
        StorageServices services = services(context);
        return Optional.of(classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass.getName(),
                key -> ClassStorage.create(declaration, testClass, services), ClassStorage.class));
    }

    /** Whether {@code context} or an enclosing class context has a class with {@link OpenWhiskStorage}. */
    static boolean declares(ExtensionContext context) {
        return owner(context).isPresent();
    }

    private static Optional<ClassStorage> find(ExtensionContext context) {
        return owner(context).map(owner -> owner.getStore(NAMESPACE)
                .get(owner.getRequiredTestClass().getName(), ClassStorage.class));
    }

    /** The nearest class context (this one or an enclosing one) whose class carries {@link OpenWhiskStorage}. */
    private static Optional<ExtensionContext> owner(ExtensionContext context) {
        for (ExtensionContext scope = context; scope != null; scope = scope.getParent().orElse(null)) {
            if (scope.getTestMethod().isEmpty() && scope.getTestClass().isPresent()
                    && AnnotationSupport.isAnnotated(scope.getRequiredTestClass(), OpenWhiskStorage.class)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    static StorageServices services(ExtensionContext context) {
        ExtensionContext root = context.getRoot();
        return root.getStore(NAMESPACE).getOrComputeIfAbsent(StorageServices.class,
                type -> new StorageServices(StorageSettings.read(root::getConfigurationParameter)),
                StorageServices.class);
    }
}
