package org.serverlessbench.openwhisk.embedded.invoker;

import java.util.concurrent.CompletableFuture;
import org.serverlessbench.openwhisk.embedded.runtime.ActionContainer;

/**
 * A container slot of the pool: its memory is charged from the moment the pool decides to start it. The mutable fields
 * are guarded by the pool's lock, except {@link #process}, which the starting worker sets once.
 */
final class PooledContainer {
    final String kind;
    /** The action's Docker image ({@code exec.image}), or {@code null}. */
    final String image;
    final int memoryMb;
    /** The running process, or {@code null} while it is being started. */
    volatile ActionContainer process;
    /** The action it was initialised for, or {@code null} for an untouched stem cell. */
    WarmKey warmKey;
    long lastUsedNanos;
    /** How many activations it may run at once: see {@link ContainerPool#capacity}. */
    int capacity = 1;
    /** Activations placed on it and not yet released. */
    int active;
    /** Whether the pool placed its last activation on it: it was killed or is being killed. */
    boolean dropped;
    /**
     * Completed once it is initialised for its action: true when {@code /init} succeeded (or it was warm), false when
     * it will never run the action. Activations placed on it while it starts wait for this, as OpenWhisk buffers runs
     * for a container that is still warming.
     */
    final CompletableFuture<Boolean> initialised = new CompletableFuture<>();

    PooledContainer(String kind, String image, int memoryMb, WarmKey warmKey) {
        this.kind = kind;
        this.image = image;
        this.memoryMb = memoryMb;
        this.warmKey = warmKey;
    }

    @Override
    public String toString() {
        ActionContainer running = process;
        return (running == null ? "starting " + kind : running.id()) + " (" + memoryMb + " MB)";
    }
}
