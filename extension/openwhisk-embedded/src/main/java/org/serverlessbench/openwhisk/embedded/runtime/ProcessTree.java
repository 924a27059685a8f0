package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
        kill(process, null, null, waitForExit);
    }

    /**
     * Kills the process of a container and everything it started: with its cgroup, every process in it; without, its
     * descendants and, found in {@code /proc}, the processes of its session and those carrying its marker, which
     * double-forked ones still do.
     *
     * @param cgroup the container's cgroup, or {@code null}
     * @param marker the container's {@link ProcessMarker} value, or {@code null}
     */
    static void kill(Process process, ContainerCgroup cgroup, String marker, Duration waitForExit) {
        // Children must be listed before the parent dies: orphans are re-parented and no longer descendants.
        List<ProcessHandle> descendants = new ArrayList<>(process.descendants().toList());
        if (cgroup != null) {
            cgroup.kill(waitForExit);
        } else if (marker != null) {
            ProcessMarker.find(marked -> ProcessMarker.value(marked.runId(), marked.containerId()).equals(marker))
                    .forEach(marked -> ProcessHandle.of(marked.pid()).ifPresent(descendants::add));
            sessionMembers(process.pid()).forEach(pid -> ProcessHandle.of(pid).ifPresent(descendants::add));
        }
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

    /** The processes whose session id is {@code sessionId} (field 6 of {@code /proc/<pid>/stat}). */
    private static List<Long> sessionMembers(long sessionId) {
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"),
                entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path process : processes) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (fields.length > 3 && Long.parseLong(fields[3]) == sessionId) {
                        members.add(Long.parseLong(process.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException gone) {
                    // exited meanwhile
                }
            }
        } catch (IOException noProcFileSystem) {
            return members;
        }
        members.remove(ProcessHandle.current().pid());
        return members;
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
