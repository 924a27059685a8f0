package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Removes the directories runtimes unpacked their actions into. */
final class WorkDirectories {

    private WorkDirectories() {
    }

    /**
     * Deletes {@code directory} and everything in it; files that cannot be deleted are left behind. Safe to run while
     * something else (a container's own close, the leftover sweep) deletes the same tree: what is already gone is
     * skipped.
     */
    static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try {
            Files.walkFileTree(directory, new QuietDeletion());
        } catch (IOException ignored) {
            // the visitor does not throw; walkFileTree only reports a start directory that cannot be read
        }
    }

    private static final class QuietDeletion extends SimpleFileVisitor<Path> {

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            deleteIfPossible(file);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path directory, IOException e) {
            deleteIfPossible(directory);
            return FileVisitResult.CONTINUE;
        }

        private static void deleteIfPossible(Path path) {
            try {
                Files.deleteIfExists(path);
            } catch (NoSuchFileException ignored) {
                // deleted by someone else meanwhile
            } catch (IOException ignored) {
                // a file held open by a dying process, or a directory another deleter is still emptying
            }
        }
    }
}
