package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Streams the invocations of one engine run to a JSON-lines file in the results directory, one line per row,
 * flushed as it is written so memory stays flat and nothing is lost when the JVM dies. The first line describes the
 * run. {@link OpenWhiskResultsListener} turns these files into {@code results.json} and {@code results.csv} when the
 * test plan has finished. Safe to use from several threads.
 */
public final class ResultsSink implements AutoCloseable {

    private final Path file;
    private final ObjectMapper mapper;
    private final RowCodec codec;
    private Writer writer;

    private ResultsSink(Path file, Writer writer, ObjectMapper mapper) {
        this.file = file;
        this.writer = writer;
        this.mapper = mapper;
        this.codec = new RowCodec(mapper);
    }

    /**
     * Creates the results directory if needed and a new per-run file in it, and records {@code run} as its first line.
     *
     * @throws UncheckedIOException when the directory or the file cannot be written
     */
    public static ResultsSink open(Path resultsDirectory, RunInfo run) {
        Objects.requireNonNull(resultsDirectory, "resultsDirectory");
        Objects.requireNonNull(run, "run");
        Path directory = resultsDirectory.toAbsolutePath().normalize();
        Path file;
        Writer writer;
        try {
            file = RunFiles.create(directory, ProcessHandle.current().pid());
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a results file in " + directory
                    + " (configured by openwhisk.results.dir): " + e.getMessage(), e);
        }
        ResultsSink sink = new ResultsSink(file, writer, new ObjectMapper());
        ObjectNode header = sink.mapper.createObjectNode();
        header.set(RunFileFormat.RUN, sink.codec.toJson(run));
        sink.writeLine(header);
        return sink;
    }

    /** The file this sink writes. */
    public Path file() {
        return file;
    }

    /**
     * Appends {@code row} and flushes it to disk.
     *
     * @throws IllegalStateException when the sink is closed
     * @throws UncheckedIOException when the file cannot be written
     */
    public void append(InvocationRow row) {
        Objects.requireNonNull(row, "row");
        ObjectNode line = mapper.createObjectNode();
        line.set(RunFileFormat.INVOCATION, codec.toJson(row));
        writeLine(line);
    }

    private void writeLine(ObjectNode line) {
        String json;
        try {
            json = mapper.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize " + line, e);
        }
        synchronized (this) {
            if (writer == null) {
                throw new IllegalStateException("ResultsSink for " + file + " is closed; rows can only be"
                        + " appended while the test run is executing");
            }
            try {
                writer.write(json);
                writer.write('\n');
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot append an invocation to " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Closes the file; further appends fail. Closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close " + file + ": " + e.getMessage(), e);
        } finally {
            writer = null;
        }
    }

    @Override
    public String toString() {
        return "ResultsSink[" + file + "]";
    }
}
