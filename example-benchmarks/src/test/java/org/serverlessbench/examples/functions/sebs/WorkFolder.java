package org.serverlessbench.examples.functions.sebs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A temporary folder for one activation's files, deleted with everything in it when closed. */
public final class WorkFolder implements AutoCloseable {

    private final Path path;

    public WorkFolder(String prefix) throws IOException {
        this.path = Files.createTempDirectory(prefix);
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() throws IOException {
        List<Path> all;
        try (Stream<Path> paths = Files.walk(path)) {
            all = paths.collect(Collectors.toList());
        }
        Collections.reverse(all);
        for (Path file : all) {
            Files.deleteIfExists(file);
        }
    }
}
