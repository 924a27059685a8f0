package org.serverlessbench.openwhisk.docker;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One container per start configuration, created (never started) in the background after a cold start, so that the
 * next cold start of the same configuration only starts it. Every cold start still gets a new container that has
 * never run; only the engine's create step leaves the critical path. A spare is used only while its image reference
 * still names the image it was created from (a rebuild under the same tag makes the cold start create a container).
 */
final class SpareContainers {

    /** What a container is created with; equal keys give interchangeable containers. */
    record Key(String kind, String image, int memoryMb, Map<String, String> environment) {
        Key {
            environment = Map.copyOf(environment);
        }
    }

    /** A created container and the id of the image its reference named then. */
    private record Spare(DockerContainerFactory.Created created, String imageId) {
    }

    /** Creates a container for a key, as the factory's create step does. */
    @FunctionalInterface
    interface Creator {
        DockerContainerFactory.Created create() throws Exception;
    }

    private final Map<Key, CompletableFuture<Spare>> spares = new ConcurrentHashMap<>();
    private final ExecutorService creator = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "openwhisk-docker-spares");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService checker = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "openwhisk-docker-spare-check");
        thread.setDaemon(true);
        return thread;
    });
    private final Function<String, Optional<String>> imageIds;
    private final Consumer<String> remove;
    private volatile boolean closed;

    /**
     * @param imageIds what an image reference names now (empty when the engine has no such image)
     * @param remove   removes a container that will not be used
     */
    SpareContainers(Function<String, Optional<String>> imageIds, Consumer<String> remove) {
        this.imageIds = imageIds;
        this.remove = remove;
    }

    /**
     * A spare taken for a cold start, and whether its image reference still names the image it was created from:
     * checked while the container starts, so that the check costs the cold start nothing.
     */
    record Taken(DockerContainerFactory.Created created, CompletableFuture<Boolean> current) {
    }

    /** The spare of {@code key}, waiting for it if it is being created; {@code null} when there is none. */
    Taken take(Key key) {
        CompletableFuture<Spare> future = spares.remove(key);
        if (future == null || closed) {
            return null;
        }
        Spare spare;
        try {
            spare = future.get();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.thenAccept(abandoned -> remove.accept(abandoned.created().containerId()));
            return null;
        }
        CompletableFuture<Boolean> current;
        try {
            current = CompletableFuture.supplyAsync(() -> imageIds.apply(key.image()).map(spare.imageId()::equals)
                    .orElse(false), checker).exceptionally(engineFailed -> false);
        } catch (RejectedExecutionException closedMeanwhile) {
            return null;
        }
        return new Taken(spare.created(), current);
    }

    /** Creates the spare of {@code key} in the background unless it has one. */
    void prepare(Key key, Creator create) {
        Objects.requireNonNull(create, "create == null");
        if (closed) {
            return;
        }
        spares.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> {
            String imageId = imageIds.apply(key.image()).orElseThrow(() -> new IllegalStateException("no image "
                    + key.image()));
            DockerContainerFactory.Created created;
            try {
                created = create.create();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot create a spare container of " + key.image(), e);
            }
            if (closed) {
                remove.accept(created.containerId());
                throw new IllegalStateException("closed");
            }
            return new Spare(created, imageId);
        }, creator));
    }

    /** Waits until every spare being created is created (or failed). */
    void awaitCreated() {
        for (CompletableFuture<Spare> future : spares.values()) {
            try {
                future.get();
            } catch (ExecutionException failed) {
                // a cold start then creates its own container
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops making spares; the factory removes those made, with every container of its run. */
    void close() {
        closed = true;
        creator.shutdownNow();
        checker.shutdownNow();
    }
}
