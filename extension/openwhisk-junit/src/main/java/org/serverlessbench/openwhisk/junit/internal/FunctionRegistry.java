package org.serverlessbench.openwhisk.junit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The functions deployed for one scope (a class or a method), kept in that scope's Store; closing it deletes their
 * actions as {@code openwhisk.cleanup} says.
 */
@SuppressWarnings("deprecation") // CloseableResource: for JUnit before 5.13 and with auto-close disabled
final class FunctionRegistry implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final Map<String, DeployedAction> functions = new ConcurrentHashMap<>();
    private final String scope;
    private final Settings.Cleanup cleanup;
    private final FailureTracker failures;

    private FunctionRegistry(String scope, Settings.Cleanup cleanup, FailureTracker failures) {
        this.scope = scope;
        this.cleanup = cleanup;
        this.failures = failures;
    }

    /** The registry of exactly this context, created when missing. */
    static FunctionRegistry of(ExtensionContext context, Settings.Cleanup cleanup) {
        return context.getStore(OpenWhiskExtension.NAMESPACE).getOrComputeIfAbsent(key(context),
                key -> new FunctionRegistry(context.getDisplayName(), cleanup, FailureTracker.of(context)),
                FunctionRegistry.class);
    }

    /** The registry of exactly this context, if it has one (not one inherited from a parent). */
    static Optional<FunctionRegistry> find(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(OpenWhiskExtension.NAMESPACE)
                .get(key(context), FunctionRegistry.class));
    }

    private static String key(ExtensionContext context) {
        return "functions:" + context.getUniqueId();
    }

    void add(DeployedAction action) {
        functions.put(action.name(), action);
    }

    Optional<DeployedAction> get(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    Map<String, DeployedAction> all() {
        return Map.copyOf(functions);
    }

    @Override
    public void close() {
        if (cleanup == Settings.Cleanup.NEVER || (cleanup == Settings.Cleanup.ON_SUCCESS && failures.failed())) {
            return;
        }
        List<String> notDeleted = new ArrayList<>();
        RuntimeException first = null;
        for (DeployedAction action : functions.values()) {
            try {
                action.delete();
            } catch (RuntimeException e) {
                notDeleted.add(action.actionName() + " (" + e.getMessage() + ")");
                first = first == null ? e : first;
            }
        }
        functions.clear();
        if (first != null) {
            throw new IllegalStateException("Cleanup after " + scope + " could not delete the actions "
                    + notDeleted + "; delete them by hand (wsk action delete <name>)", first);
        }
    }
}
