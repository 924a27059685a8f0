package org.serverlessbench.openwhisk.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runs kept in a results directory: one folder per run, named by its start time ({@code 20261201-154012-345},
 * UTC, so that names sort by time), a {@code latest} link to the newest, and at most a configured number of runs.
 */
final class RunHistory {

    static final String LATEST = "latest";
    /** A baseline reference meaning the newest run before this one. */
    static final String PREVIOUS = "previous";

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private static final Pattern RUN_FOLDER = Pattern.compile("\\d{8}-\\d{6}-\\d{3}(-\\d+)?");

    private final Path root;

    RunHistory(Path root) {
        this.root = root;
    }

    /** A new, empty folder for a run started at {@code startedAt}; a suffix keeps runs of one millisecond apart. */
    Path create(Instant startedAt) throws IOException {
        Files.createDirectories(root);
        String id = RUN_ID.format(startedAt);
        for (int attempt = 0; ; attempt++) {
            Path folder = root.resolve(attempt == 0 ? id : id + "-" + attempt);
            try {
                return Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                // another run of the same millisecond, in a parallel build: take the next suffix
            }
        }
    }

    /** Points {@code latest} at {@code run} (a relative symbolic link, replaced atomically where possible). */
    void markLatest(Path run) throws IOException {
        Path link = root.resolve(LATEST);
        Path temporary = root.resolve(LATEST + "." + run.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createSymbolicLink(temporary, run.getFileName());
        try {
            Files.move(temporary, link, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Deletes the oldest run folders so that at most {@code keep} remain, never {@code current}. */
    void prune(int keep, Path current) throws IOException {
        List<Path> runs = runs();
        for (int i = 0; i < runs.size() - keep; i++) {
            if (!runs.get(i).equals(current)) {
                deleteTree(runs.get(i));
            }
        }
    }

    /**
     * The folder of the run {@code reference} names: {@link #PREVIOUS} for the newest run other than {@code current},
     * otherwise a run id.
     */
    Optional<Path> find(String reference, Path current) throws IOException {
        if (PREVIOUS.equals(reference)) {
            List<Path> runs = runs();
            for (int i = runs.size() - 1; i >= 0; i--) {
                if (!runs.get(i).equals(current) && Files.isRegularFile(runs.get(i).resolve(ResultsFiles.JSON))) {
                    return Optional.of(runs.get(i));
                }
            }
            return Optional.empty();
        }
        Path named = root.resolve(reference).normalize();
        return named.startsWith(root) && Files.isRegularFile(named.resolve(ResultsFiles.JSON))
                ? Optional.of(named) : Optional.empty();
    }

    /** The run folders, oldest first. */
    List<Path> runs() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(path -> !Files.isSymbolicLink(path))
                    .filter(path -> RUN_FOLDER.matcher(path.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        }
    }

    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
