package org.serverlessbench.openwhisk.embedded.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/** Kills a process together with everything it started. */
final class ProcessTree {

    private ProcessTree() {
    }

    static void kill(Process process, Duration waitForExit) {
        // Children must be listed before the parent dies: orphans are re-parented and no longer descendants.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.onExit().get(waitForExit.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + waitForExit.toNanos();
            while (descendants.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // SIGKILL was sent; a process stuck in the kernel still goes away on its own
        }
    }
}
