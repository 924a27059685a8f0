package org.serverlessbench.openwhisk.embedded.invoker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.serverlessbench.openwhisk.embedded.runtime.ActionContainer;
import org.serverlessbench.openwhisk.embedded.runtime.ContainerFactory;
import org.serverlessbench.openwhisk.embedded.runtime.ContainerStartException;

/**
 * OpenWhisk's container pool (§5): memory-bounded, warm reuse per action revision, stem cells, eviction of idle
 * containers (those of superseded revisions first, then the least recently used), and a FIFO queue for jobs that find
 * no room. It only decides; workers start processes and run jobs. All state is guarded by {@code this}.
 *
 * <p>Intra-container concurrency as OpenWhisk's pool does it when enabled: a container of an action whose
 * {@code limits.concurrency} is above 1 (nodejs kinds only, see {@link #capacity}) takes further activations while it
 * has room, preferring an initialised one to one that is still starting.
 */
final class ContainerPool {
    /**
     * Set in every container, as an OpenWhisk deployment with intra-container concurrency sets it: the nodejs runtime
     * then accepts a {@code /run} while another is in progress.
     */
    static final String ALLOW_CONCURRENT = "__OW_ALLOW_CONCURRENT";

    private final InvokerConfig config;
    private final ContainerFactory factory;
    private final Map<String, String> containerEnvironment;
    private final Executor workers;
    private final Consumer<Placement> runner;

    private final ArrayDeque<ActivationJob> queue = new ArrayDeque<>();
    private final Map<WarmKey, ArrayDeque<PooledContainer>> idleWarm = new HashMap<>();
    private final Map<String, ArrayDeque<PooledContainer>> idleStemCells = new HashMap<>();
    /** Containers that may run several activations at once, starting or warm, idle or not, per action revision. */
    private final Map<WarmKey, List<PooledContainer>> shared = new HashMap<>();
    private final Map<String, Integer> startingStemCells = new HashMap<>();
    private final Set<String> failedStemCellKinds = new HashSet<>();
    /** Every slot with memory charged: idle, busy or starting. */
    private final Set<PooledContainer> slots = new HashSet<>();
    private int usedMemoryMb;
    /** Jobs placed and not yet released, including cold starts in progress. */
    private int busy;
    private boolean closed;

    ContainerPool(InvokerConfig config, ContainerFactory factory, Executor workers, Consumer<Placement> runner) {
        this.config = config;
        this.factory = factory;
        this.containerEnvironment = Map.of("__OW_API_HOST", config.apiHost(), ALLOW_CONCURRENT, "true");
        this.workers = workers;
        this.runner = runner;
    }

    /** The environment every container is started with. */
    Map<String, String> containerEnvironment() {
        return containerEnvironment;
    }

    /** Starts the configured stem cells. */
    void start() {
        List<PooledContainer> stemCells;
        synchronized (this) {
            stemCells = refillStemCells();
        }
        startStemCells(stemCells);
    }

    /**
     * Places the job or queues it; {@code false} once the pool is closed. A job placed on an idle warm container runs
     * on {@code warmRunner} when one is given, any other on a worker.
     */
    boolean submit(ActivationJob job, Executor warmRunner) {
        Placement placement;
        List<PooledContainer> stemCells = List.of();
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (!queue.isEmpty()) {
                queue.addLast(job);
                return true;
            }
            placement = place(job);
            if (placement == null) {
                queue.addLast(job);
                return true;
            }
            if (placement.init() && !placement.start()) {
                stemCells = refillStemCells();
            }
        }
        boolean warm = !placement.start() && !placement.init();
        (warm && warmRunner != null ? warmRunner : workers).execute(() -> runner.accept(placement));
        startStemCells(stemCells);
        return true;
    }

    /** Whether no more activations may run on the container (it failed or was removed). */
    synchronized boolean dropped(PooledContainer slot) {
        return slot.dropped || closed;
    }

    /**
     * How many activations a container of {@code action} runs at once: its {@code limits.concurrency} for a code
     * action of a nodejs kind, the only runtime family OpenWhisk's intra-container concurrency supports; 1 otherwise.
     */
    static int capacity(ActionRevision action) {
        return action.image() == null && action.kind().startsWith("nodejs") ? Math.max(1, action.concurrency()) : 1;
    }

    /** Records the process a cold start produced; {@code false} if the pool closed meanwhile (kill it then). */
    synchronized boolean started(PooledContainer slot, ActionContainer process) {
        if (closed) {
            return false;
        }
        slot.process = process;
        return true;
    }

    /**
     * Takes a container back after a job. A kept container becomes idle and warm; a dropped one (after a developer or
     * internal error, or a failed start) gives its memory back and is returned for the caller to kill.
     */
    ActionContainer release(PooledContainer slot, boolean keep) {
        List<Placement> placements;
        List<PooledContainer> stemCells;
        ActionContainer toKill = null;
        synchronized (this) {
            busy--;
            slot.active--;
            if (slot.dropped) {
                // an earlier activation dropped it; its process is killed already
            } else if (keep && !closed) {
                if (slot.active == 0) {
                    slot.lastUsedNanos = System.nanoTime();
                    idleWarm.computeIfAbsent(slot.warmKey, key -> new ArrayDeque<>()).addLast(slot);
                }
            } else {
                toKill = slot.process;
                free(slot);
            }
            placements = drainQueue();
            stemCells = queue.isEmpty() ? refillStemCells() : List.of();
        }
        dispatch(placements);
        startStemCells(stemCells);
        return toKill;
    }

    /** Removes idle warm containers unused for longer than the idle timeout, and returns them for killing. */
    List<ActionContainer> removeIdle(long nowNanos) {
        List<ActionContainer> removed = new ArrayList<>();
        List<Placement> placements;
        List<PooledContainer> stemCells;
        long timeoutNanos = config.idleContainerTimeout().toNanos();
        synchronized (this) {
            for (Iterator<ArrayDeque<PooledContainer>> lists = idleWarm.values().iterator(); lists.hasNext(); ) {
                ArrayDeque<PooledContainer> idle = lists.next();
                for (Iterator<PooledContainer> it = idle.iterator(); it.hasNext(); ) {
                    PooledContainer slot = it.next();
                    if (nowNanos - slot.lastUsedNanos >= timeoutNanos) {
                        it.remove();
                        removed.add(slot.process);
                        free(slot);
                    }
                }
                if (idle.isEmpty()) {
                    lists.remove();
                }
            }
            placements = drainQueue();
            stemCells = queue.isEmpty() ? refillStemCells() : List.of();
        }
        dispatch(placements);
        startStemCells(stemCells);
        return removed;
    }

    /** Stops placing work; returns the queued jobs (to fail) and every process (to kill). */
    synchronized Shutdown close() {
        closed = true;
        List<ActivationJob> queued = new ArrayList<>(queue);
        queue.clear();
        List<ActionContainer> processes = new ArrayList<>();
        for (PooledContainer slot : slots) {
            if (slot.process != null) {
                processes.add(slot.process);
            }
        }
        idleWarm.clear();
        idleStemCells.clear();
        shared.clear();
        return new Shutdown(queued, processes);
    }

    record Shutdown(List<ActivationJob> queuedJobs, List<ActionContainer> processes) {
    }

    synchronized PoolState state() {
        int idleWarmCount = idleWarm.values().stream().mapToInt(ArrayDeque::size).sum();
        int idleStemCount = idleStemCells.values().stream().mapToInt(ArrayDeque::size).sum();
        return new PoolState(usedMemoryMb, slots.size(), idleWarmCount, idleStemCount, busy, queue.size());
    }

    /** A snapshot for tests and diagnostics. */
    record PoolState(int usedMemoryMb, int containers, int idleWarm, int idleStemCells, int busy, int queued) {
    }

    // ---- decisions, all called with the lock held

    private Placement place(ActivationJob job) {
        ActionRevision action = job.request().action();
        WarmKey key = WarmKey.of(action);
        int capacity = capacity(action);
        PooledContainer withRoom = capacity > 1 ? sharedWithRoom(key) : null;
        if (withRoom != null) {
            if (withRoom.active == 0) {
                takeIdle(withRoom);
            }
            return occupy(job, withRoom);
        }
        ArrayDeque<PooledContainer> warm = capacity > 1 ? null : idleWarm.get(key);
        if (warm != null) {
            PooledContainer slot = warm.pollLast();
            if (warm.isEmpty()) {
                idleWarm.remove(key);
            }
            return occupy(job, slot);
        }
        if (action.memoryMb() == config.prewarmMemoryMb()) {
            ArrayDeque<PooledContainer> stemCells = idleStemCells.get(action.kind());
            if (stemCells != null && !stemCells.isEmpty()) {
                PooledContainer slot = stemCells.pollFirst();
                slot.warmKey = key;
                share(slot, capacity);
                busy++;
                slot.active++;
                return new Placement(job, slot, false, true, List.of());
            }
        }
        List<PooledContainer> evicted = makeRoom(action.memoryMb(), key);
        if (evicted == null) {
            return null;
        }
        PooledContainer slot = new PooledContainer(action.kind(), action.image(), action.memoryMb(), key);
        charge(slot);
        share(slot, capacity);
        busy++;
        slot.active++;
        return new Placement(job, slot, true, true, evicted);
    }

    /** A placement on a container that is warm, or starting and shared: no process to start, no {@code /init}. */
    private Placement occupy(ActivationJob job, PooledContainer slot) {
        busy++;
        slot.active++;
        return new Placement(job, slot, false, false, List.of());
    }

    /** A shared container of {@code key} with room for another activation: an initialised one first. */
    private PooledContainer sharedWithRoom(WarmKey key) {
        PooledContainer starting = null;
        for (PooledContainer slot : shared.getOrDefault(key, List.of())) {
            if (slot.active < slot.capacity) {
                if (Boolean.TRUE.equals(slot.initialised.getNow(false))) {
                    return slot;
                }
                if (starting == null && !slot.initialised.isDone()) {
                    starting = slot;
                }
            }
        }
        return starting;
    }

    /** Takes an idle container out of the idle list, to run an activation. */
    private void takeIdle(PooledContainer slot) {
        ArrayDeque<PooledContainer> idle = idleWarm.get(slot.warmKey);
        if (idle != null && idle.remove(slot) && idle.isEmpty()) {
            idleWarm.remove(slot.warmKey);
        }
    }

    private void share(PooledContainer slot, int capacity) {
        slot.capacity = capacity;
        if (capacity > 1) {
            shared.computeIfAbsent(slot.warmKey, key -> new ArrayList<>()).add(slot);
        }
    }

    /**
     * Frees memory by evicting idle warm containers, those of superseded revisions first, then the least recently
     * used; {@code null} when even that is not enough. Stem cells are evicted only when nothing is running or
     * starting, since otherwise the job would wait forever.
     */
    private List<PooledContainer> makeRoom(int memoryMb, WarmKey incoming) {
        int free = config.memoryCapacityMb() - usedMemoryMb;
        if (free >= memoryMb) {
            return List.of();
        }
        int evictable = 0;
        for (ArrayDeque<PooledContainer> idle : idleWarm.values()) {
            for (PooledContainer slot : idle) {
                evictable += slot.memoryMb;
            }
        }
        boolean nothingWillFree = busy == 0 && startingStemCells.values().stream().allMatch(n -> n == 0);
        int evictableStemCells = 0;
        if (nothingWillFree) {
            for (ArrayDeque<PooledContainer> idle : idleStemCells.values()) {
                for (PooledContainer slot : idle) {
                    evictableStemCells += slot.memoryMb;
                }
            }
        }
        if (free + evictable + evictableStemCells < memoryMb) {
            return null;
        }
        List<PooledContainer> evicted = new ArrayList<>();
        Map<String, Long> newestRevisions = newestRevisions(incoming);
        while (config.memoryCapacityMb() - usedMemoryMb < memoryMb && evictable > 0) {
            PooledContainer lru = nextToEvict(newestRevisions);
            ArrayDeque<PooledContainer> idle = idleWarm.get(lru.warmKey);
            idle.remove(lru);
            if (idle.isEmpty()) {
                idleWarm.remove(lru.warmKey);
            }
            evictable -= lru.memoryMb;
            free(lru);
            evicted.add(lru);
        }
        for (ArrayDeque<PooledContainer> idle : idleStemCells.values()) {
            while (config.memoryCapacityMb() - usedMemoryMb < memoryMb && !idle.isEmpty()) {
                PooledContainer stemCell = idle.pollFirst();
                free(stemCell);
                evicted.add(stemCell);
            }
        }
        return evicted;
    }

    /**
     * The newest revision of each action path the pool knows of, from its containers and the job being placed. An
     * older revision never runs again: the controller hands out only the newest, so its containers are dead weight.
     */
    private Map<String, Long> newestRevisions(WarmKey incoming) {
        Map<String, Long> newest = new HashMap<>();
        newest.put(incoming.path(), incoming.revision());
        for (PooledContainer slot : slots) {
            if (slot.warmKey != null) {
                newest.merge(slot.warmKey.path(), slot.warmKey.revision(), Math::max);
            }
        }
        return newest;
    }

    /** The least recently used idle warm container of a superseded revision, or else of any. */
    private PooledContainer nextToEvict(Map<String, Long> newestRevisions) {
        PooledContainer lru = null;
        boolean lruSuperseded = false;
        for (ArrayDeque<PooledContainer> idle : idleWarm.values()) {
            for (PooledContainer slot : idle) {
                boolean superseded = slot.warmKey.revision() < newestRevisions.get(slot.warmKey.path());
                if (lru == null || superseded && !lruSuperseded
                        || superseded == lruSuperseded && slot.lastUsedNanos - lru.lastUsedNanos < 0) {
                    lru = slot;
                    lruSuperseded = superseded;
                }
            }
        }
        return lru;
    }

    private List<Placement> drainQueue() {
        if (closed || queue.isEmpty()) {
            return List.of();
        }
        List<Placement> placements = new ArrayList<>();
        while (!queue.isEmpty()) {
            Placement placement = place(queue.peekFirst());
            if (placement == null) {
                break;
            }
            queue.pollFirst();
            placements.add(placement);
        }
        return placements;
    }

    /**
     * New stem cell slots (memory charged) to bring every kind back to its configured count, as far as memory allows.
     */
    private List<PooledContainer> refillStemCells() {
        if (closed || config.prewarm().isEmpty()) {
            return List.of();
        }
        List<PooledContainer> toStart = new ArrayList<>();
        for (Map.Entry<String, Integer> wanted : config.prewarm().entrySet()) {
            String kind = wanted.getKey();
            if (failedStemCellKinds.contains(kind)) {
                continue;
            }
            ArrayDeque<PooledContainer> idle = idleStemCells.get(kind);
            int have = (idle == null ? 0 : idle.size()) + startingStemCells.getOrDefault(kind, 0);
            while (have < wanted.getValue()
                    && usedMemoryMb + config.prewarmMemoryMb() <= config.memoryCapacityMb()) {
                PooledContainer slot = new PooledContainer(kind, null, config.prewarmMemoryMb(), null);
                charge(slot);
                startingStemCells.merge(kind, 1, Integer::sum);
                toStart.add(slot);
                have++;
            }
        }
        return toStart;
    }

    private void charge(PooledContainer slot) {
        slots.add(slot);
        usedMemoryMb += slot.memoryMb;
    }

    private void free(PooledContainer slot) {
        if (slots.remove(slot)) {
            usedMemoryMb -= slot.memoryMb;
        }
        slot.dropped = true;
        List<PooledContainer> sharing = slot.warmKey == null ? null : shared.get(slot.warmKey);
        if (sharing != null && sharing.remove(slot) && sharing.isEmpty()) {
            shared.remove(slot.warmKey);
        }
    }

    // ---- work outside the lock

    private void dispatch(List<Placement> placements) {
        for (Placement placement : placements) {
            workers.execute(() -> runner.accept(placement));
        }
    }

    private void startStemCells(List<PooledContainer> stemCells) {
        for (PooledContainer slot : stemCells) {
            workers.execute(() -> startStemCell(slot));
        }
    }

    private void startStemCell(PooledContainer slot) {
        ActionContainer process = null;
        try {
            process = factory.create(slot.kind, slot.memoryMb, containerEnvironment);
        } catch (ContainerStartException | RuntimeException e) {
            System.err.println("[embedded invoker] stem cell for kind '" + slot.kind + "' did not start, no more"
                    + " will be tried: " + e.getMessage());
        }
        List<Placement> placements;
        boolean kill = false;
        synchronized (this) {
            startingStemCells.merge(slot.kind, -1, Integer::sum);
            if (process == null) {
                failedStemCellKinds.add(slot.kind);
                free(slot);
            } else if (closed) {
                kill = true;
                free(slot);
            } else {
                slot.process = process;
                idleStemCells.computeIfAbsent(slot.kind, kind -> new ArrayDeque<>()).addLast(slot);
            }
            placements = drainQueue();
        }
        if (kill) {
            process.close();
        }
        dispatch(placements);
    }
}
