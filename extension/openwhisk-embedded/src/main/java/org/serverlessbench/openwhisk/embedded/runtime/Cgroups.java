package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The cgroups of one run of a {@link ProcessContainerFactory}:
 * {@code <own cgroup>/openwhisk-embedded/<run>/<container>} in the v1 {@code memory} (and {@code freezer})
 * hierarchies, or in the unified v2 hierarchy when it has the memory controller. Nested under this JVM's own cgroup
 * so that the limits set on the JVM's environment still apply.
 */
final class Cgroups {

    static final String PARENT = "openwhisk-embedded";
    private static final Logger LOG = Logger.getLogger(Cgroups.class.getName());
    private static final Duration SWEEP_WAIT = Duration.ofSeconds(2);
    private static final long MB = 1024L * 1024;

    private final Path memoryRun;
    private final Path freezerRun;
    private final boolean v2;

    private Cgroups(Path memoryRun, Path freezerRun, boolean v2) {
        this.memoryRun = memoryRun;
        this.freezerRun = freezerRun;
        this.v2 = v2;
    }

    /**
     * The cgroups for run {@code runId}, created now; empty, with a logged warning, where neither hierarchy can be
     * written (not root, cgroups not mounted, or v2 without a delegated subtree).
     */
    static Optional<Cgroups> create(String runId) {
        List<String> problems = new ArrayList<>();
        Optional<Path> memoryV1 = CgroupMounts.ownV1("memory");
        if (memoryV1.isPresent()) {
            try {
                Path memoryRun = Files.createDirectories(memoryV1.get().resolve(PARENT).resolve(runId));
                Path freezerRun = CgroupMounts.ownV1("freezer").map(own -> createOrNull(own.resolve(PARENT)
                        .resolve(runId))).orElse(null);
                return Optional.of(new Cgroups(memoryRun, freezerRun, false));
            } catch (IOException e) {
                problems.add("cgroup v1 memory hierarchy " + memoryV1.get() + ": " + e);
            }
        } else {
            Optional<Path> own = CgroupMounts.ownV2();
            if (own.isPresent() && controllers(CgroupMounts.v2Root().orElseThrow()).contains("memory")) {
                for (Path base : List.of(own.get(), CgroupMounts.v2Root().orElseThrow())) {
                    try {
                        return Optional.of(new Cgroups(createV2(base, runId), null, true));
                    } catch (IOException e) {
                        problems.add("cgroup v2 " + base + ": " + e);
                    }
                }
            } else {
                problems.add("no cgroup v1 memory hierarchy and no cgroup v2 hierarchy with the memory controller is"
                        + " mounted");
            }
        }
        LOG.warning("[embedded runtimes] memory limits apply to the runtime's heap only, not to the action's whole"
                + " process tree, and double-forked processes are found by their environment only: no cgroup could"
                + " be created (" + String.join("; ", problems) + "). Run as root with /sys/fs/cgroup writable to"
                + " get per-container cgroups.");
        return Optional.empty();
    }

    /** Each level must enable the memory controller for its children; a cgroup with processes of its own cannot. */
    private static Path createV2(Path base, String runId) throws IOException {
        Path parent = base.resolve(PARENT);
        Path run = parent.resolve(runId);
        enable(base);
        Files.createDirectories(parent);
        enable(parent);
        Files.createDirectories(run);
        enable(run);
        return run;
    }

    private static void enable(Path cgroup) throws IOException {
        if (!controllers(cgroup.resolve("cgroup.subtree_control")).contains("memory")) {
            Files.writeString(cgroup.resolve("cgroup.subtree_control"), "+memory");
        }
    }

    private static List<String> controllers(Path file) {
        Path list = Files.isDirectory(file) ? file.resolve("cgroup.controllers") : file;
        try {
            return List.of(Files.readString(list).strip().split("\\s+"));
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    private static Path createOrNull(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException notWritable) {
            return null;
        }
    }

    /** A cgroup for one container, limited to {@code memoryMb} of memory and no swap. */
    ContainerCgroup create(String containerId, int memoryMb) throws IOException {
        Path memory = Files.createDirectory(memoryRun.resolve(containerId));
        Path freezer = null;
        try {
            long bytes = memoryMb * MB;
            if (v2) {
                Files.writeString(memory.resolve("memory.max"), Long.toString(bytes));
                ContainerCgroup.write(memory.resolve("memory.swap.max"), "0");
            } else {
                Files.writeString(memory.resolve("memory.limit_in_bytes"), Long.toString(bytes));
                ContainerCgroup.write(memory.resolve("memory.memsw.limit_in_bytes"), Long.toString(bytes));
                freezer = freezerRun == null ? null : createOrNull(freezerRun.resolve(containerId));
            }
            return new ContainerCgroup(memory, freezer, v2);
        } catch (IOException e) {
            new ContainerCgroup(memory, freezer, v2).remove(Duration.ZERO);
            throw e;
        }
    }

    /** The run directories, for the reaper that cleans up after this JVM. */
    List<Path> runDirectories() {
        return freezerRun == null ? List.of(memoryRun) : List.of(memoryRun, freezerRun);
    }

    /** Removes what is left of the run: processes first, then container cgroups, then the run's own directory. */
    void removeRun(Duration wait) {
        for (Path run : runDirectories()) {
            removeRunDirectory(run, wait);
        }
    }

    /** Removes the cgroups of runs whose JVM is gone, in the hierarchies this JVM's cgroups are in. */
    static void removeDeadRuns() {
        List<Path> parents = new ArrayList<>();
        CgroupMounts.ownV1("memory").ifPresent(own -> parents.add(own.resolve(PARENT)));
        CgroupMounts.ownV1("freezer").ifPresent(own -> parents.add(own.resolve(PARENT)));
        CgroupMounts.ownV2().ifPresent(own -> parents.add(own.resolve(PARENT)));
        CgroupMounts.v2Root().ifPresent(root -> parents.add(root.resolve(PARENT)));
        for (Path parent : parents) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (DirectoryStream<Path> runs = Files.newDirectoryStream(parent, Files::isDirectory)) {
                for (Path run : runs) {
                    boolean gone = RunOwner.parse(run.getFileName().toString()).map(RunOwner::isGone).orElse(false);
                    if (gone) {
                        removeRunDirectory(run, SWEEP_WAIT);
                    }
                }
            } catch (IOException unreadable) {
                // another JVM removed it meanwhile
            }
        }
    }

    private static void removeRunDirectory(Path run, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Path> containers;
        try (Stream<Path> children = Files.list(run)) {
            containers = children.filter(Files::isDirectory).toList();
        } catch (IOException gone) {
            return;
        }
        for (Path container : containers) {
            ContainerCgroup.killAll(container, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            ContainerCgroup.removeDirectory(container, deadline);
        }
        ContainerCgroup.removeDirectory(run, deadline);
    }
}
