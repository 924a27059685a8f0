package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
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
 * {@code sebs/result.csv} and {@code sebs/experiments.json}. {@code results.csv} and {@code sebs/result.csv} grow
 * while the run records ({@link RowStream}); the others are written when it ends, each under a temporary name and
 * moved into place, so that a reader never sees half of one and a failed write leaves no temporary file behind.
 */
final class ResultsFiles {

    static final String JSON = "results.json";
    static final String CSV = "results.csv";
    static final String HTML = "report.html";
    static final String SEBS = "sebs";
    static final String SEBS_CSV = "result.csv";
    static final String SEBS_JSON = "experiments.json";

    private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rw-r--r--");

    private ResultsFiles() {}

    /** Writes every file of {@code report} from its rows. */
    static void write(Path directory, RunReport report) throws IOException {
        Files.createDirectories(directory);
        ObjectMapper mapper = new ObjectMapper();
        writeAtomically(directory.resolve(JSON), out -> new ResultsJsonWriter(mapper).write(report, out));
        writeAtomically(directory.resolve(CSV), text(writer -> new ResultsCsvWriter().write(report.rows(), writer)));
        Path sebs = Files.createDirectories(directory.resolve(SEBS));
        writeAtomically(sebs.resolve(SEBS_CSV), text(writer -> new SebsResultCsvWriter().write(report.rows(),
                writer)));
        writeAtEnd(directory, report, mapper);
    }

    /**
     * Completes the files of a run whose rows {@code streamed} holds in the order of {@code report}'s rows: the
     * invocations of {@code results.json} are copied from it; the two CSV files are complete already.
     */
    static void finish(Path directory, RunReport report, RowStream streamed) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        writeAtomically(directory.resolve(JSON), out -> new ResultsJsonWriter(mapper).write(report, out,
                generator -> {
                    generator.flush();
                    streamed.copyRowsTo(out);
                }));
        writeAtEnd(directory, report, mapper);
    }

    private static void writeAtEnd(Path directory, RunReport report, ObjectMapper mapper) throws IOException {
        writeAtomically(directory.resolve(HTML), text(writer -> new HtmlReportWriter().write(report, writer)));
        Path sebs = Files.createDirectories(directory.resolve(SEBS));
        writeAtomically(sebs.resolve(SEBS_JSON), text(writer -> new SebsExperimentsJsonWriter(mapper)
                .write(report, writer)));
    }

    /** A new, buffered UTF-8 file {@code file}, readable by all like any build output. */
    static Writer newWriter(Path file) throws IOException {
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        readableByAll(file);
        return writer;
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private interface TextContent {
        void writeTo(Writer writer) throws IOException;
    }

    private static Content text(TextContent content) {
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            content.writeTo(writer);
            writer.flush();
        };
    }

    private static void writeAtomically(Path target, Content content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                content.writeTo(out);
            }
            readableByAll(temporary);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            // a temporary file is private to its owner; results are meant to be shared like any build output
            Files.setPosixFilePermissions(file, READABLE_BY_ALL);
        }
    }
}
