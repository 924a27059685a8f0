package org.serverlessbench.openwhisk.embedded.invoker;

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
