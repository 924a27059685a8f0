package org.serverlessbench.openwhisk.storage.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the temporary folders of the embedded services. */
final class Folders {

    private Folders() {
    }

    /** Deletes {@code folder} with its contents; what cannot be deleted stays (it is under the temp folder). */
    static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // the temp folder is the operating system's to clean from here
        }
    }
}
