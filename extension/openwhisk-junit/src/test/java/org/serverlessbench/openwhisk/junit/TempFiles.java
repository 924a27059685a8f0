package org.serverlessbench.openwhisk.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Removes what a fixture wrote to the temporary directory, so that test runs leave nothing behind. */
final class TempFiles {

    private TempFiles() {
    }

    /** Deletes {@code directory} and everything in it; a directory that does not exist is fine. */
    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the fixture directory " + directory, e);
        }
    }
}
