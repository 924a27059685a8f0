package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The CPU priority of runtime processes: a niceness from 0 (the default, as the JVM) to 19 (lowest).
 *
 * <p>The runtime's command runs under {@code nice}. Where the kernel groups processes by session for scheduling
 * (autogroups, {@code /proc/<pid>/autogroup}), a runtime in a session of its own is scheduled as a group of its own,
 * against which its niceness counts for nothing; the group's niceness is set too, once the runtime runs (it has left
 * the JVM's session then, which is checked first, so that the JVM's group is never touched).
 */
final class RuntimePriority {

    private static final Logger LOG = Logger.getLogger(RuntimePriority.class.getName());

    private final int niceness;
    private final Optional<Path> nice;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** @param pathVariable where to look for {@code nice} */
    RuntimePriority(int niceness, String pathVariable) {
        int max = ProcessContainerFactory.MAX_RUNTIME_NICENESS;
        if (niceness < 0 || niceness > max) {
            throw new IllegalArgumentException("runtime niceness must be 0 to " + max + " (a lower CPU priority than"
                    + " the JVM's, which needs no privilege), got " + niceness);
        }
        this.niceness = niceness;
        this.nice = niceness == 0 ? Optional.empty() : ExecutableLookup.onPath("nice", pathVariable);
        if (niceness > 0 && nice.isEmpty()) {
            LOG.warning("[embedded runtimes] runtimes keep the JVM's CPU priority: program 'nice' was not found on"
                    + " the PATH");
        }
    }

    int niceness() {
        return niceness;
    }

    /** {@code command}, run at this niceness. */
    List<String> wrap(List<String> command) {
        if (nice.isEmpty()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(nice.get().toString(), "-n", Integer.toString(niceness)));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * Gives the scheduling group of the runtime's session this niceness, where the kernel has such groups and the
     * runtime leads a session of its own; call once it runs.
     */
    void applyToSession(long pid) {
        if (niceness == 0) {
            return;
        }
        Path autogroup = Path.of("/proc", Long.toString(pid), "autogroup");
        if (!Files.exists(autogroup) || !leadsOwnSession(pid)) {
            return;
        }
        try {
            Files.writeString(autogroup, Integer.toString(niceness));
        } catch (IOException e) {
            // without CAP_SYS_ADMIN the kernel accepts one such change per 100 ms
            if (warned.compareAndSet(false, true)) {
                LOG.warning("[embedded runtimes] a runtime's session keeps the default CPU weight, so its niceness "
                        + niceness + " counts only inside it: writing " + autogroup + " failed: " + e);
            }
        }
    }

    /** Whether the process is the leader of its session (field 6 of {@code stat}), as {@code setsid} makes it. */
    static boolean leadsOwnSession(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[3]) == pid;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
