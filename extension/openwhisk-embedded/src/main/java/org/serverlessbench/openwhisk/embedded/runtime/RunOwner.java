package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The JVM a run of runtime processes belongs to: its pid namespace, pid and start time, so that what a dead JVM left
 * can be told from what a living one (or an unrelated process that got the same pid) still uses.
 *
 * @param pidNamespace the inode of the JVM's pid namespace, {@code 0} where unknown
 */
record RunOwner(long pidNamespace, long pid, long startMillis) {

    private static final String SEPARATOR = "-";

    static RunOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new RunOwner(currentPidNamespace(), self.pid(), startMillis(self).orElse(0L));
    }

    /** {@code <pid namespace>-<pid>-<start millis>}, the prefix of the ids of this owner's runs. */
    String id() {
        return pidNamespace + SEPARATOR + pid + SEPARATOR + startMillis;
    }

    /**
     * A new run id, {@code <owner id>-<random>}: one per container factory, as one JVM may hold several; safe in file
     * names, cgroup names and environment values.
     */
    String newRunId() {
        return id() + SEPARATOR + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 28, Integer.MAX_VALUE));
    }

    /** The owner of a run id made by {@link #newRunId()}. */
    static Optional<RunOwner> parse(String runId) {
        String[] parts = runId.split(SEPARATOR);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RunOwner(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                    Long.parseLong(parts[2])));
        } catch (NumberFormatException notARunId) {
            return Optional.empty();
        }
    }

    /**
     * Whether this owner is known to have exited: its pid namespace is this JVM's and no process with its pid and
     * start time is running. An owner from another pid namespace cannot be judged and counts as alive.
     */
    boolean isGone() {
        if (pidNamespace != currentPidNamespace() || pidNamespace == 0) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isEmpty() || !process.get().isAlive()
                || startMillis(process.get()).map(start -> start != startMillis).orElse(false);
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }

    private static long currentPidNamespace() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
            return Long.parseLong(link.substring(link.indexOf('[') + 1, link.indexOf(']')));
        } catch (IOException | RuntimeException noProcFileSystem) {
            return 0;
        }
    }
}
