package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a run that grow while it records: {@code results.csv}, {@code sebs/result.csv} and the invocations
 * array of {@code results.json}, kept in {@value #PART} until the run ends. Each row is appended to all three as it
 * comes; {@link #flush} hands {@code results.csv}'s buffer to the operating system, so that a run whose JVM dies
 * keeps there every row appended before the last flush. Not safe for several threads: the sink serializes.
 */
final class RowStream {

    /** The invocations array of {@code results.json} while the run records, in the run's folder. */
    static final String PART = ResultsFiles.JSON + ".part";

    private final Path part;
    private final Writer csv;
    private final Writer sebs;
    private final JsonGenerator json;
    private final ResultsCsvWriter csvWriter = new ResultsCsvWriter();
    private final SebsResultCsvWriter sebsWriter = new SebsResultCsvWriter();
    private final ResultsJsonWriter jsonWriter;
    private final RowCodec codec;
    private final ObjectMapper mapper;
    private final long rowsStart;
    private long rowsEnd = -1;
    private Instant last;
    private boolean inOrder = true;

    private RowStream(Path folder, ObjectMapper mapper) throws IOException {
        this.mapper = mapper;
        this.codec = new RowCodec(mapper);
        this.jsonWriter = new ResultsJsonWriter(mapper);
        this.part = folder.resolve(PART);
        this.csv = ResultsFiles.newWriter(folder.resolve(ResultsFiles.CSV));
        this.sebs = ResultsFiles.newWriter(Files.createDirectories(folder.resolve(ResultsFiles.SEBS))
                .resolve(ResultsFiles.SEBS_CSV));
        this.json = jsonWriter.generator(new BufferedOutputStream(Files.newOutputStream(part)));
        csvWriter.header(csv);
        sebsWriter.header(sebs);
        jsonWriter.startRows(json);
        json.flush();
        rowsStart = Files.size(part);
        csv.flush();
        sebs.flush();
    }

    /** Starts the files in {@code folder}, which exists. */
    static RowStream start(Path folder, ObjectMapper mapper) throws IOException {
        return new RowStream(folder, mapper);
    }

    void append(InvocationRow row) throws IOException {
        csvWriter.row(row, csv);
        sebsWriter.row(row, sebs);
        jsonWriter.row(json, row);
        if (last != null && row.startedAt().isBefore(last)) {
            inOrder = false;
        }
        last = row.startedAt();
    }

    /**
     * Hands the rows of {@code results.csv} to the operating system; the other two files are written when their
     * buffers fill and at the end, as a flush costs a system call (ExtensionCostBenchmark, docs/experiments.md).
     */
    void flush() throws IOException {
        csv.flush();
    }

    /** Whether the rows were appended in the order of their {@code startedAt}. */
    boolean inOrder() {
        return inOrder;
    }

    /**
     * Completes the files and returns the rows in the order they were appended, read back from {@value #PART}.
     */
    List<InvocationRow> finish() throws IOException {
        json.flush();
        rowsEnd = Files.size(part);
        jsonWriter.endRows(json);
        json.close();
        csv.close();
        sebs.close();
        List<InvocationRow> rows = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(part.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME
                    || parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException(part + " does not start with the invocations array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                rows.add(codec.fromJson(mapper.readTree(parser)));
            }
        }
        return rows;
    }

    /** Writes the invocations array's elements, as {@link #finish} left them, to {@code out}. */
    void copyRowsTo(OutputStream out) throws IOException {
        WritableByteChannel target = Channels.newChannel(out);
        try (FileChannel source = FileChannel.open(part, StandardOpenOption.READ)) {
            for (long position = rowsStart; position < rowsEnd; ) {
                position += source.transferTo(position, rowsEnd - position, target);
            }
        }
    }

    void deletePart() throws IOException {
        Files.deleteIfExists(part);
    }
}
