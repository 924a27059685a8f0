package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Removes what embedded OpenWhisk runs of JVMs that are gone left behind: their marked processes, their cgroups and
 * their work directories (those that carry an owner file). Runs of living JVMs, and of other pid namespaces, are left
 * alone.
 */
final class LeftoverSweep {

    static final String OWNER_FILE = "owner";
    static final String WORK_DIRECTORY_PREFIX = "openwhisk-runtimes-";

    private LeftoverSweep() {
    }

    /** Sweeps processes and cgroups everywhere, and work directories in {@code workParent}. */
    static void run(Path workParent) {
        for (ProcessMarker.Marked marked : ProcessMarker.find(LeftoverSweep::ownerGone)) {
            ProcessHandle.of(marked.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        Cgroups.removeDeadRuns();
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(workParent,
                WORK_DIRECTORY_PREFIX + "*")) {
            for (Path directory : directories) {
                if (owner(directory).map(RunOwner::isGone).orElse(false)) {
                    WorkDirectories.deleteQuietly(directory);
                }
            }
        } catch (IOException unreadable) {
            // nothing to sweep there
        }
    }

    private static boolean ownerGone(ProcessMarker.Marked marked) {
        return RunOwner.parse(marked.runId()).map(RunOwner::isGone).orElse(false);
    }

    private static Optional<RunOwner> owner(Path workDirectory) {
        try {
            return RunOwner.parse(Files.readString(workDirectory.resolve(OWNER_FILE)).strip());
        } catch (IOException noOwnerFile) {
            return Optional.empty();
        }
    }
}
