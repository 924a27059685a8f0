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
        try {
            process.onExit().get(waitForExit.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + waitForExit.toNanos();
            while (descendants.stream().anyMatch(ProcessTree::isRunning) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // SIGKILL was sent; a process stuck in the kernel still goes away on its own
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
