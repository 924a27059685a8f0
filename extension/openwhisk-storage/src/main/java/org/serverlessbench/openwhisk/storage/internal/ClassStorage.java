package org.serverlessbench.openwhisk.storage.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.serverlessbench.openwhisk.storage.NoSqlTable;
import org.serverlessbench.openwhisk.storage.OpenWhiskStorage;

/**
 * The bucket and tables of one class with {@link OpenWhiskStorage}, kept in that class's Store: made when the first
 * function is deployed or the first storage parameter is resolved, removed when the class is done (unless the
 * cleanup setting keeps them).
 */
@SuppressWarnings("deprecation") // CloseableResource too, so that closing does not depend on a JUnit setting
final class ClassStorage implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final String declaredOn;
    private final StorageSettings.Cleanup cleanup;
    private final S3Objects objects;
    private final DynamoTables tables;
    private volatile boolean failed;

    private ClassStorage(String declaredOn, StorageSettings.Cleanup cleanup, S3Objects objects,
            DynamoTables tables) {
        this.declaredOn = declaredOn;
        this.cleanup = cleanup;
        this.objects = objects;
        this.tables = tables;
    }

    static ClassStorage create(OpenWhiskStorage declaration, Class<?> declaredOn, StorageServices services) {
        String name = services.nextName();
        String benchmark = declaration.benchmark().strip();
        S3Objects objects = null;
        DynamoTables tables = null;
        try {
            if (declaration.object()) {
                var service = services.object();
                objects = new S3Objects(service.client(), service.hostPort(), bucketName(name, benchmark),
                        benchmark);
                objects.create();
            }
            if (declaration.tables().length > 0) {
                var service = services.nosql();
                Map<String, String> names = new LinkedHashMap<>();
                for (NoSqlTable table : declaration.tables()) {
                    names.put(table.name(), name + "-" + benchmark + "-" + table.name());
                }
                tables = new DynamoTables(service.client(), service.hostPort(), Arrays.asList(declaration.tables()),
                        names);
                tables.create();
            }
        } catch (RuntimeException e) {
            ClassStorage partial = new ClassStorage(declaredOn.getName(), StorageSettings.Cleanup.ALWAYS, objects,
                    tables);
            try {
                partial.close();
            } catch (RuntimeException cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw new IllegalStateException("Making the storage of @OpenWhiskStorage(benchmark = \"" + benchmark
                    + "\") on " + declaredOn.getName() + " failed: " + e.getMessage(), e);
        }
        return new ClassStorage(declaredOn.getName(), services.settings().cleanup(), objects, tables);
    }

    /** S3 allows lowercase letters, digits and hyphens (dots complicate virtual hosts), at most 63 characters. */
    private static String bucketName(String name, String benchmark) {
        String cleaned = benchmark.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        String bucket = (name + "-" + cleaned).replaceAll("-+", "-").replaceAll("-$", "");
        return bucket.length() <= 63 ? bucket : bucket.substring(0, 63).replaceAll("-$", "");
    }

    Optional<S3Objects> objects() {
        return Optional.ofNullable(objects);
    }

    Optional<DynamoTables> tables() {
        return Optional.ofNullable(tables);
    }

    String declaredOn() {
        return declaredOn;
    }

    void noteFailure() {
        failed = true;
    }

    @Override
    public void close() {
        if (cleanup == StorageSettings.Cleanup.NEVER || (cleanup == StorageSettings.Cleanup.ON_SUCCESS && failed)) {
            return;
        }
        RuntimeException failure = null;
        if (objects != null) {
            try {
                objects.delete();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (tables != null) {
            try {
                tables.delete();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw new IllegalStateException("Removing the storage of " + declaredOn + " (" + objects + ", " + tables
                    + ") failed: " + failure.getMessage(), failure);
        }
    }
}
