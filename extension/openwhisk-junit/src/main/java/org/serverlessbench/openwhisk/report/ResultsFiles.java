package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a run's {@code results.json} and {@code results.csv}, each replaced atomically (written next to the target
 * under a temporary name, then moved over it), so that a reader never sees half a file.
 */
final class ResultsFiles {

    static final String JSON = "results.json";
    static final String CSV = "results.csv";

    private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rw-r--r--");

    private ResultsFiles() {}

    static void write(Path directory, RunReport report) throws IOException {
        Files.createDirectories(directory);
        writeAtomically(directory.resolve(JSON), writer -> new ResultsJsonWriter(new ObjectMapper())
                .write(report, writer));
        writeAtomically(directory.resolve(CSV), writer -> new ResultsCsvWriter().write(report.rows(), writer));
    }

    private interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    private static void writeAtomically(Path target, Content content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                content.writeTo(writer);
            }
            if (Files.getFileAttributeView(temporary, PosixFileAttributeView.class) != null) {
                // a temporary file is private to its owner; results are meant to be shared like any build output
                Files.setPosixFilePermissions(temporary, READABLE_BY_ALL);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
