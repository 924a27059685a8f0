package org.serverlessbench.openwhisk.storage.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The storage services of one test run, kept in the root Store: each is started (embedded) or connected (remote)
 * when a class first needs it, and stopped when the run ends.
 */
@SuppressWarnings("deprecation") // CloseableResource too, so that closing does not depend on a JUnit setting
final class StorageServices implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    /** A connected service: where functions reach it, and our client. */
    record Service<C extends AutoCloseable>(String hostPort, Credentials credentials, C client) {
    }

    private final StorageSettings settings;
    private final String runId;
    private final AtomicInteger classes = new AtomicInteger();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private Service<S3Client> object;
    private Service<DynamoDbClient> nosql;
    private boolean closed;

    StorageServices(StorageSettings settings) {
        this.settings = settings;
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        this.runId = HexFormat.of().formatHex(random);
    }

    StorageSettings settings() {
        return settings;
    }

    /** {@code owj-<run>-<n>}, new for every class that declares storage. */
    String nextName() {
        return "owj-" + runId + "-" + classes.incrementAndGet();
    }

    synchronized Service<S3Client> object() {
        checkOpen();
        if (object == null) {
            StorageSettings.Remote remote = settings.object();
            if (remote != null) {
                Credentials credentials = new Credentials(remote.accessKey(), remote.secretKey());
                object = keep(new Service<>(remote.hostPort(), credentials, Clients.s3(remote.hostPort(),
                        credentials)));
            } else {
                EmbeddedObjectStore store = start("the embedded object storage (s3proxy)",
                        "openwhisk.storage.object.endpoint", EmbeddedObjectStore::start);
                resources.add(store);
                object = keep(new Service<>(store.hostPort(), store.credentials(),
                        Clients.s3(store.hostPort(), store.credentials())));
            }
        }
        return object;
    }

    synchronized Service<DynamoDbClient> nosql() {
        checkOpen();
        if (nosql == null) {
            StorageSettings.Remote remote = settings.nosql();
            if (remote != null) {
                Credentials credentials = new Credentials(remote.accessKey(), remote.secretKey());
                nosql = keep(new Service<>(remote.hostPort(), credentials,
                        Clients.dynamoDb(remote.hostPort(), credentials, remote.region())));
            } else {
                DynaliteServer server = start("the embedded NoSQL service (dynalite)",
                        "openwhisk.storage.nosql.endpoint",
                        () -> DynaliteServer.start(DynaliteInstall.ensure(settings.workDirectory())));
                resources.add(server);
                Credentials credentials = Credentials.random();
                nosql = keep(new Service<>(server.hostPort(), credentials,
                        Clients.dynamoDb(server.hostPort(), credentials, StorageSettings.DEFAULT_REGION)));
            }
        }
        return nosql;
    }

    private <C extends AutoCloseable> Service<C> keep(Service<C> service) {
        resources.add(service.client());
        return service;
    }

    private interface Starter<T> {
        T start() throws IOException;
    }

    private static <T> T start(String what, String remoteKey, Starter<T> starter) {
        try {
            return starter.start();
        } catch (IOException e) {
            throw new ExtensionConfigurationException(what + " could not start: " + e.getMessage()
                    + "; fix the cause, or use a running service by setting " + remoteKey, e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The storage services of this run are already stopped");
        }
    }

    /** Closes clients and stops the embedded services, last started first. */
    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        Exception failure = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
