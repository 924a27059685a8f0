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
 * Writes a run's files into its folder: {@code results.json}, {@code results.csv}, {@code report.html}, and SeBS's
 * {@code sebs/result.csv} and {@code sebs/experiments.json}. Each is written under a temporary name and moved into
 * place, so that a reader never sees half a file and a failed write leaves no temporary file behind.
 */
final class ResultsFiles {

    static final String JSON = "results.json";
    static final String CSV = "results.csv";
    static final String HTML = "report.html";
    static final String SEBS = "sebs";

    private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rw-r--r--");

    private ResultsFiles() {}

    static void write(Path directory, RunReport report) throws IOException {
        Files.createDirectories(directory);
        writeAtomically(directory.resolve(JSON), writer -> new ResultsJsonWriter(new ObjectMapper())
                .write(report, writer));
        writeAtomically(directory.resolve(CSV), writer -> new ResultsCsvWriter().write(report.rows(), writer));
        writeAtomically(directory.resolve(HTML), writer -> new HtmlReportWriter().write(report, writer));
        Path sebs = Files.createDirectories(directory.resolve(SEBS));
        writeAtomically(sebs.resolve("result.csv"), writer -> new SebsResultCsvWriter().write(report.rows(), writer));
        writeAtomically(sebs.resolve("experiments.json"), writer -> new SebsExperimentsJsonWriter(new ObjectMapper())
                .write(report, writer));
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
