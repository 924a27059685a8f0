package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the {@link ResultsSink}s of one run recorded, read back from their per-run files: the run description of the
 * first file and every row, ordered by {@code startedAt}. Lines that cannot be read are skipped and described in
 * {@link #problems()}.
 */
record RunRecording(Optional<RunInfo> run, List<InvocationRow> rows, List<String> problems) {

    static RunRecording read(List<Path> files, ObjectMapper mapper) throws IOException {
        RowCodec codec = new RowCodec(mapper);
        RunInfo run = null;
        List<InvocationRow> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    String where = file + ":" + number;
                    try {
                        JsonNode node = mapper.readTree(line);
                        if (node.has(RunFileFormat.RUN)) {
                            run = run == null ? codec.runFrom(node.get(RunFileFormat.RUN)) : run;
                        } else if (node.has(RunFileFormat.INVOCATION)) {
                            rows.add(codec.rowFrom(node.get(RunFileFormat.INVOCATION), where));
                        } else {
                            problems.add(where + ": neither a run nor an invocation line, skipped");
                        }
                    } catch (JsonProcessingException | IllegalArgumentException e) {
                        problems.add(where + ": unreadable line skipped (" + e.getMessage() + ")");
                    }
                }
            }
        }
        rows.sort(Comparator.comparing(InvocationRow::startedAt));
        return new RunRecording(Optional.ofNullable(run), List.copyOf(rows), List.copyOf(problems));
    }
}
