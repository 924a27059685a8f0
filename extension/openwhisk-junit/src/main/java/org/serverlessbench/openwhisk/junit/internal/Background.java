package org.serverlessbench.openwhisk.junit.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The run's background threads (deployments, record fetches): daemons, stopped with the run. */
final class Background implements AutoCloseable {

    private final ExecutorService executor;

    Background() {
        AtomicInteger count = new AtomicInteger();
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "openwhisk-junit-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    <T> CompletableFuture<T> run(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
