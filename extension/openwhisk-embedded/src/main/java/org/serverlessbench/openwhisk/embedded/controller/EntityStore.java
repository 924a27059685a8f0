package org.serverlessbench.openwhisk.embedded.controller;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Actions and packages of the one namespace, in memory. Reads are lock-free; writes are serialised so that
 * "create unless it exists" and "delete the package unless it has actions" are atomic.
 */
final class EntityStore {
    private static final Comparator<StoredAction> ACTIONS_NEWEST_FIRST =
            Comparator.comparingLong(StoredAction::updated).reversed().thenComparing(StoredAction::qualifiedName);
    private static final Comparator<StoredPackage> PACKAGES_NEWEST_FIRST =
            Comparator.comparingLong(StoredPackage::updated).reversed().thenComparing(StoredPackage::name);

    private final ConcurrentHashMap<String, StoredAction> actions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, StoredPackage> packages = new ConcurrentHashMap<>();
    private final AtomicLong revisions = new AtomicLong();

    static String key(String packageName, String name) {
        return packageName == null ? name : packageName + "/" + name;
    }

    long nextRevision() {
        return revisions.incrementAndGet();
    }

    StoredAction action(String packageName, String name) {
        return actions.get(key(packageName, name));
    }

    StoredPackage pkg(String name) {
        return packages.get(name);
    }

    /**
     * Replaces the action with what {@code change} makes of the current one ({@code null} when absent), atomically.
     */
    synchronized StoredAction putAction(String packageName, String name, UnaryOperator<StoredAction> change) {
        if (packageName != null && !packages.containsKey(packageName)) {
            throw ApiException.notFound();
        }
        String key = key(packageName, name);
        StoredAction updated = change.apply(actions.get(key));
        actions.put(key, updated);
        return updated;
    }

    synchronized StoredAction deleteAction(String packageName, String name) {
        StoredAction removed = actions.remove(key(packageName, name));
        if (removed == null) {
            throw ApiException.notFound();
        }
        return removed;
    }

    /** All actions ({@code packageName == null}: every action of the namespace), newest first. */
    List<StoredAction> actions(String packageName, boolean everyPackage) {
        List<StoredAction> list = new ArrayList<>();
        for (StoredAction action : actions.values()) {
            if (everyPackage || java.util.Objects.equals(action.packageName(), packageName)) {
                list.add(action);
            }
        }
        list.sort(ACTIONS_NEWEST_FIRST);
        return list;
    }

    synchronized StoredPackage putPackage(String name, UnaryOperator<StoredPackage> change) {
        StoredPackage updated = change.apply(packages.get(name));
        packages.put(name, updated);
        return updated;
    }

    /** Deletes a package; with {@code force} its actions too, otherwise 409 while it holds any. */
    synchronized StoredPackage deletePackage(String name, boolean force) {
        StoredPackage existing = packages.get(name);
        if (existing == null) {
            throw ApiException.notFound();
        }
        List<StoredAction> contained = actions(name, false);
        if (!contained.isEmpty() && !force) {
            throw new ApiException(409, Messages.packageNotEmpty(contained.size()));
        }
        contained.forEach(a -> actions.remove(a.qualifiedName()));
        packages.remove(name);
        return existing;
    }

    List<StoredPackage> packages() {
        List<StoredPackage> list = new ArrayList<>(packages.values());
        list.sort(PACKAGES_NEWEST_FIRST);
        return list;
    }
}
