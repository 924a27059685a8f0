package org.serverlessbench.openwhisk.embedded.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirectoriesTest {

    @TempDir
    Path temp;

    @Test
    void deletesATreeAndIgnoresOneThatIsGone() throws IOException {
        Path tree = tree(temp.resolve("action"), 3, 4);

        WorkDirectories.deleteQuietly(tree);
        WorkDirectories.deleteQuietly(tree);
        WorkDirectories.deleteQuietly(null);

        assertThat(tree).doesNotExist();
    }

    /**
     * A container's close and the leftover sweep can delete one tree at the same time (node_modules is wide): the
     * second deleter starts walking once the first has begun deleting, so directories vanish under its walk.
     */
    @Test
    void aSecondDeleterWalkingATreeBeingDeletedFinishesWithoutAnError() throws Exception {
        for (int round = 0; round < 10; round++) {
            Path tree = tree(temp.resolve("node_modules-" + round), 200, 5);
            Path firstToGo;
            try (Stream<Path> paths = Files.walk(tree)) {
                firstToGo = paths.max(Comparator.naturalOrder()).orElseThrow();
            }
            CompletableFuture<?> first = CompletableFuture.runAsync(() -> WorkDirectories.deleteQuietly(tree));
            CompletableFuture<?> second = CompletableFuture.runAsync(() -> {
                while (Files.exists(firstToGo) && !first.isDone()) {
                    Thread.onSpinWait();
                }
                WorkDirectories.deleteQuietly(tree);
            });

            assertThatCode(() -> CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS))
                    .doesNotThrowAnyException();
            assertThat(tree).doesNotExist();
        }
    }

    private static Path tree(Path root, int directories, int filesEach) throws IOException {
        for (int d = 0; d < directories; d++) {
            Path directory = Files.createDirectories(root.resolve("package-" + d).resolve("lib"));
            for (int f = 0; f < filesEach; f++) {
                Files.writeString(directory.resolve("file-" + f + ".js"), "module.exports = " + f + ";\n");
            }
        }
        return root;
    }
}
