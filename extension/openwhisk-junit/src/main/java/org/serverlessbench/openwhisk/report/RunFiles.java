package org.serverlessbench.openwhisk.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Names the per-run files that {@link ResultsSink} writes and {@link OpenWhiskResultsListener} reads:
 * {@code <dir>/invocations-<pid>-<unique>.jsonl}. Sink and listener run in the same test JVM, so the process id ties
 * them together without shared state; the unique part lets several sinks (several engine runs) coexist.
 */
final class RunFiles {

    static final String PREFIX = "invocations-";
    static final String SUFFIX = ".jsonl";

    private RunFiles() {}

    static Path create(Path directory, long pid) throws IOException {
        Files.createDirectories(directory);
        return Files.createTempFile(directory, PREFIX + pid + "-", SUFFIX);
    }

    /** The per-run files in {@code directory} written by process {@code pid}, oldest first. */
    static List<Path> ofProcess(Path directory, long pid) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path file : all(directory)) {
            if (pidOf(file).equals(OptionalLong.of(pid))) {
                files.add(file);
            }
        }
        files.sort((a, b) -> {
            try {
                return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
            } catch (IOException e) {
                return a.compareTo(b);
            }
        });
        return files;
    }

    /** Every per-run file in {@code directory}; empty when the directory does not exist. */
    static List<Path> all(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(file -> pidOf(file).isPresent()).sorted().toList();
        }
    }

    static OptionalLong pidOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return OptionalLong.empty();
        }
        String rest = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
        int dash = rest.indexOf('-');
        if (dash <= 0) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(rest.substring(0, dash)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
