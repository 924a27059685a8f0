package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        // An interrupted caller (a cancelled start, a shutdown) must still get a dead process back, so the wait
        // ignores the interrupt and restores it afterwards.
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + waitForExit.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                process.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | TimeoutException e) {
                break; // SIGKILL was sent; a process stuck in the kernel still goes away on its own
            }
        }
        while (descendants.stream().anyMatch(ProcessTree::isRunning) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Alive and not a zombie. A killed grandchild stays a zombie until whoever adopted it reaps it, which can take
     * seconds in a container whose init process reaps lazily; {@link ProcessHandle#isAlive()} counts zombies.
     */
    static boolean isRunning(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName < 0 || afterName + 2 >= stat.length() || stat.charAt(afterName + 2) != 'Z';
        } catch (IOException | UncheckedIOException noProcFileSystem) {
            return handle.isAlive();
        }
    }
}
