package org.serverlessbench.openwhisk.embedded.invoker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.serverlessbench.openwhisk.embedded.internal.DaemonThreads;
import org.serverlessbench.openwhisk.embedded.runtime.ActionContainer;
import org.serverlessbench.openwhisk.embedded.runtime.ContainerFactory;
import org.serverlessbench.openwhisk.embedded.runtime.ContainerStartException;

/**
 * The embedded OpenWhisk invoker: a {@link ContainerPool} of runtime processes from a {@link ContainerFactory}, the
 * activation protocol ({@link ActivationRunner}) and the bounded {@link ActivationStore}.
 *
 * <p>Queued activations hold no thread; a worker thread exists only while a container starts or an activation runs, so
 * their number is bounded by the pool's memory. The factory belongs to the caller, who closes it after this invoker.
 */
public final class Invoker implements Activator {
    private static final Logger LOG = Logger.getLogger(Invoker.class.getName());
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private static final String SHUT_DOWN = "The embedded OpenWhisk invoker was shut down before the action could run.";

    private final InvokerConfig config;
    private final ContainerFactory factory;
    private final ActivationStore store;
    private final ActivationRunner runner = new ActivationRunner();
    private final ExecutorService workers;
    private final ScheduledExecutorService sweeper;
    private final ContainerPool pool;
    private final Map<String, Optional<String>> unavailableReasons = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    public Invoker(InvokerConfig config, ContainerFactory factory) {
        this.config = Objects.requireNonNull(config, "config == null");
        this.factory = Objects.requireNonNull(factory, "factory == null");
        this.store = new ActivationStore(config.activationStoreCapacity(), config.activationStoreMaxBytes());
        this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                DaemonThreads.named("embedded-invoker-worker-"));
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                DaemonThreads.named("embedded-invoker-idle-sweeper-"));
        scheduler.setRemoveOnCancelPolicy(true);
        this.sweeper = scheduler;
        this.pool = new ContainerPool(config, factory, workers, this::execute);
        long periodMs = Math.max(10, Math.min(config.idleContainerTimeout().toMillis() / 4, 30_000));
        sweeper.scheduleWithFixedDelay(this::removeIdleContainers, periodMs, periodMs, TimeUnit.MILLISECONDS);
        pool.start();
    }

    @Override
    public CompletableFuture<ObjectNode> activate(ActivationRequest request) {
        return activate(request, null);
    }

    @Override
    public CompletableFuture<ObjectNode> activate(ActivationRequest request, Executor warmRunner) {
        Objects.requireNonNull(request, "request == null");
        CompletableFuture<ObjectNode> future = new CompletableFuture<>();
        ActionRevision action = request.action();
        Optional<String> unavailable = unavailableReason(action.kind());
        if (unavailable.isPresent()) {
            finish(new ActivationJob(request, future), ActivationRecords.notRun(request,
                    ActivationMessages.RESOURCE_PROVISION_ERROR + " Kind '" + action.kind() + "' of action '"
                            + action.fullyQualifiedName() + "' cannot run here: " + unavailable.get()));
        } else if (action.memoryMb() > config.memoryCapacityMb()) {
            finish(new ActivationJob(request, future), ActivationRecords.notRun(request,
                    ActivationMessages.RESOURCE_PROVISION_ERROR + " Action '" + action.fullyQualifiedName()
                            + "' needs " + action.memoryMb() + " MB but the invoker's memory capacity is "
                            + config.memoryCapacityMb() + " MB; raise memoryCapacityMb or lower limits.memory."));
        } else if (!pool.submit(new ActivationJob(request, future), warmRunner)) {
            finish(new ActivationJob(request, future), ActivationRecords.notRun(request, SHUT_DOWN));
        }
        return future;
    }

    @Override
    public Optional<ObjectNode> activation(String namespace, String activationId) {
        return store.get(namespace, activationId);
    }

    @Override
    public List<ObjectNode> activations(String namespace, String name, Long sinceMs, Long uptoMs, int skip,
                                        int limit) {
        return store.list(namespace, name, sinceMs, uptoMs, skip, limit);
    }

    @Override
    public long countActivations(String namespace, String name, Long sinceMs, Long uptoMs) {
        return store.count(namespace, name, sinceMs, uptoMs);
    }

    @Override
    public ContainerFactoryInfo runtimes() {
        List<String> available = new ArrayList<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (String kind : factory.kinds()) {
            Optional<String> reason = unavailableReason(kind);
            if (reason.isPresent()) {
                unavailable.put(kind, reason.get());
            } else {
                available.add(kind);
            }
        }
        return new ContainerFactoryInfo(List.copyOf(available), Map.copyOf(unavailable));
    }

    /** The serialized bytes of the records kept, for tests. */
    long storedActivationBytes() {
        return store.bytes();
    }

    /** Memory in use, containers and queue length, for tests. */
    ContainerPool.PoolState state() {
        return pool.state();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        sweeper.shutdownNow();
        ContainerPool.Shutdown shutdown = pool.close();
        for (ActivationJob job : shutdown.queuedJobs()) {
            finish(job, ActivationRecords.notRun(job.request(), SHUT_DOWN));
        }
        for (ActionContainer process : shutdown.processes()) {
            process.close();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a placed job on a worker thread: kill evicted containers, start one if cold, then init and run. */
    private void execute(Placement placement) {
        ActivationJob job = placement.job();
        PooledContainer slot = placement.container();
        ObjectNode record;
        ActionContainer toKill = null;
        boolean released = false;
        try {
            for (PooledContainer evicted : placement.evicted()) {
                if (evicted.process != null) {
                    evicted.process.close();
                }
            }
            if (placement.start()) {
                ActionContainer process;
                try {
                    process = factory.create(slot.kind, slot.image, slot.memoryMb, pool.containerEnvironment());
                } catch (ContainerStartException e) {
                    slot.initialised.complete(false);
                    released = true;
                    pool.release(slot, false);
                    finish(job, ActivationRecords.notRun(job.request(),
                            ActivationMessages.RESOURCE_PROVISION_ERROR + " " + e.getMessage()));
                    return;
                }
                if (!pool.started(slot, process)) {
                    slot.initialised.complete(false);
                    process.close();
                    released = true;
                    pool.release(slot, false);
                    finish(job, ActivationRecords.notRun(job.request(), SHUT_DOWN));
                    return;
                }
            }
            if (!placement.init() && (!slot.initialised.join() || pool.dropped(slot))) {
                // placed on a shared container that failed to start or was dropped meanwhile: try again elsewhere
                released = true;
                ActionContainer failed = pool.release(slot, false);
                if (failed != null) {
                    // this job's release came first: the container is this job's to kill
                    failed.close();
                }
                resubmit(job);
                return;
            }
            ActivationRunner.Outcome outcome = runner.run(job.request(), slot.process, placement.init(),
                    () -> slot.initialised.complete(true), slot.capacity == 1);
            slot.initialised.complete(false);
            released = true;
            toKill = pool.release(slot, outcome.keepContainer());
            record = outcome.record();
        } catch (RuntimeException e) {
            slot.initialised.complete(false);
            if (released) {
                throw e;
            }
            toKill = pool.release(slot, false);
            record = ActivationRecords.notRun(job.request(), "The embedded invoker failed while running the action: "
                    + e);
        }
        finish(job, record);
        if (toKill != null) {
            toKill.close();
        }
    }

    private void resubmit(ActivationJob job) {
        if (!pool.submit(job, null)) {
            finish(job, ActivationRecords.notRun(job.request(), SHUT_DOWN));
        }
    }

    /** Stores the record, then answers the waiting client, who gets the record even when storing it failed. */
    private void finish(ActivationJob job, ObjectNode record) {
        try {
            store.put(job.request().action().namespace(), ActivationRecords.filterName(job.request().action()),
                    record);
        } catch (IllegalArgumentException tooLarge) {
            LOG.warning("[embedded invoker] " + tooLarge.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.log(Level.WARNING, "[embedded invoker] activation " + job.request().activationId()
                    + " was answered but not stored: " + e, e);
        } finally {
            job.record().complete(record);
        }
    }

    private void removeIdleContainers() {
        try {
            for (ActionContainer process : pool.removeIdle(System.nanoTime())) {
                if (process != null) {
                    process.close();
                }
            }
        } catch (RuntimeException e) {
            System.err.println("[embedded invoker] removing idle containers failed: " + e);
        }
    }

    @Override
    public void store(String name, ObjectNode record) {
        store.put(record.path("namespace").asText(), name, record);
    }

    @Override
    public Optional<String> unavailableReason(String kind) {
        return unavailableReasons.computeIfAbsent(kind, factory::unavailableReason);
    }
}
