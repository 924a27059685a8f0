package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the directories runtimes unpacked their actions into. */
final class WorkDirectories {

    private WorkDirectories() {
    }

    /** Deletes {@code directory} and everything in it; files that cannot be deleted are left behind. */
    static void deleteQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a file held open by a dying process; the temp directory cleaner gets it
                }
            });
        } catch (IOException ignored) {
            // directory vanished while walking
        }
    }
}
