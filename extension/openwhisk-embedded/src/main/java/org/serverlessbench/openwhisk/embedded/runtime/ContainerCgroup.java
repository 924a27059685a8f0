package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The cgroup of one process container: it caps the memory of the whole process tree, lists every process of the
 * container (double-forked ones too) for killing, and counts the kernel's out-of-memory kills.
 *
 * @param memory  the cgroup with the memory controller (v1 {@code memory} hierarchy, or the v2 cgroup)
 * @param freezer the v1 freezer cgroup used to stop the processes before they are killed, when there is one
 * @param v2      whether {@code memory} is a cgroup v2 directory
 */
record ContainerCgroup(Path memory, Path freezer, boolean v2) {

    private static final Duration FREEZE_WAIT = Duration.ofSeconds(1);
    private static final String PROCS = "cgroup.procs";

    /** The files a process writes its pid into to join this cgroup, before it executes the runtime. */
    List<Path> joinFiles() {
        return freezer == null ? List.of(memory.resolve(PROCS)) : List.of(memory.resolve(PROCS),
                freezer.resolve(PROCS));
    }

    /** The pids of the processes in this cgroup now. */
    List<Long> pids() {
        return pids(memory);
    }

    static List<Long> pids(Path cgroup) {
        List<Long> pids = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(cgroup.resolve(PROCS))) {
                if (!line.isBlank()) {
                    pids.add(Long.parseLong(line.strip()));
                }
            }
        } catch (IOException | NumberFormatException removed) {
            return pids;
        }
        return pids;
    }

    /** Whether the kernel killed a process of this container because the group ran out of memory. */
    boolean memoryExhausted() {
        Path events = memory.resolve(v2 ? "memory.events" : "memory.oom_control");
        try {
            for (String line : Files.readAllLines(events)) {
                if (line.startsWith("oom_kill ")) {
                    return Long.parseLong(line.substring("oom_kill ".length()).strip()) > 0;
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            return false;
        }
        return false;
    }

    /** Kills every process in the cgroup and waits until they are gone, or {@code wait} passed. */
    void kill(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        if (v2 && write(memory.resolve("cgroup.kill"), "1")) {
            awaitEmpty(memory, deadline);
            return;
        }
        boolean frozen = freezer != null && freeze();
        do {
            pids(memory).forEach(ContainerCgroup::killPid);
            if (frozen) {
                write(freezer.resolve("freezer.state"), "THAWED");
                frozen = false;
            }
        } while (!pids(memory).isEmpty() && pause(deadline));
    }

    /** Removes the cgroup directories; a cgroup with processes left cannot be removed and stays. */
    void remove(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        removeDirectory(memory, deadline);
        if (freezer != null) {
            removeDirectory(freezer, deadline);
        }
    }

    static void killAll(Path cgroup, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            pids(cgroup).forEach(ContainerCgroup::killPid);
        } while (!pids(cgroup).isEmpty() && pause(deadline));
    }

    /** Deletes an empty cgroup directory (rmdir ignores its control files), retrying while it is busy. */
    static boolean removeDirectory(Path cgroup, long deadlineNanos) {
        while (true) {
            try {
                Files.deleteIfExists(cgroup);
                return true;
            } catch (IOException busy) {
                if (!pause(deadlineNanos)) {
                    return false;
                }
            }
        }
    }

    static boolean write(Path file, String value) {
        try {
            Files.writeString(file, value);
            return true;
        } catch (IOException notSupported) {
            return false;
        }
    }

    private boolean freeze() {
        if (!write(freezer.resolve("freezer.state"), "FROZEN")) {
            return false;
        }
        long deadline = System.nanoTime() + FREEZE_WAIT.toNanos();
        while (!read(freezer.resolve("freezer.state")).map(state -> state.strip().equals("FROZEN")).orElse(true)) {
            if (!pause(deadline)) {
                break;
            }
        }
        return true;
    }

    private static void awaitEmpty(Path cgroup, long deadline) {
        while (!pids(cgroup).isEmpty() && pause(deadline)) {
            // polled until the kernel has removed every killed process
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static void killPid(long pid) {
        if (pid != ProcessHandle.current().pid()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Waits a millisecond; false once the deadline has passed. */
    private static boolean pause(long deadlineNanos) {
        if (System.nanoTime() > deadlineNanos) {
            return false;
        }
        LockSupport.parkNanos(1_000_000);
        return true;
    }
}
