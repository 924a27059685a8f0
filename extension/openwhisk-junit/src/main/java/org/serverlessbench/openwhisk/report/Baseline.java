package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measured client times of an earlier run, read from its {@code results.json} and grouped by {@link GroupKey},
 * to compare this run's groups with. Condition fields that an older file does not have (written before they
 * existed) read as {@code null}, as they are for a test that does not set them.
 */
final class Baseline {

    private final String runId;
    private final Map<GroupKey, long[]> groups;
    private final double minimumChange;

    private Baseline(String runId, Map<GroupKey, long[]> groups, double minimumChange) {
        this.runId = runId;
        this.groups = groups;
        this.minimumChange = minimumChange;
    }

    /**
     * Reads the run in {@code folder}.
     *
     * @throws IOException naming the file when it cannot be read or is not a results file
     */
    static Baseline read(Path folder, double minimumChange) throws IOException {
        Path file = folder.resolve(ResultsFiles.JSON);
        JsonNode invocations = new ObjectMapper().readTree(file.toFile()).path("invocations");
        if (!invocations.isArray()) {
            throw new IOException(file + " has no 'invocations' array; it is not a results.json of openwhisk-junit");
        }
        Map<GroupKey, List<Long>> values = new LinkedHashMap<>();
        for (JsonNode row : invocations) {
            if (row.path("warmup").asBoolean(false) || row.hasNonNull("rejected") || !row.hasNonNull("clientTimeUs")) {
                continue;
            }
            GroupKey key = new GroupKey(row.path("test").asText(), row.path("function").asText(),
                    row.hasNonNull("memoryMb") ? row.get("memoryMb").asInt() : null,
                    row.hasNonNull("mode") ? row.get("mode").asText() : null,
                    row.hasNonNull("concurrency") ? row.get("concurrency").asInt() : null,
                    row.hasNonNull("trial") ? row.get("trial").asInt() : null,
                    row.hasNonNull("payloadBytes") ? row.get("payloadBytes").asLong() : null,
                    row.hasNonNull("idleMs") ? row.get("idleMs").asLong() : null,
                    row.path("cold").asBoolean());
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(row.get("clientTimeUs").asLong());
        }
        Map<GroupKey, long[]> groups = new LinkedHashMap<>();
        values.forEach((key, list) -> groups.put(key, list.stream().mapToLong(Long::longValue).toArray()));
        return new Baseline(folder.getFileName().toString(), groups, minimumChange);
    }

    String runId() {
        return runId;
    }

    /** This run's groups among {@code rows} (warm-ups left out) compared with the baseline's, where it has them. */
    Map<GroupKey, Comparison> compare(List<InvocationRow> rows) {
        Map<GroupKey, List<Long>> current = new LinkedHashMap<>();
        for (InvocationRow row : rows) {
            if (row.inStatistics()) {
                current.computeIfAbsent(GroupKey.of(row), key -> new ArrayList<>()).add(row.clientTimeUs());
            }
        }
        Map<GroupKey, Comparison> comparisons = new LinkedHashMap<>();
        current.forEach((key, values) -> {
            long[] before = groups.get(key);
            if (before != null) {
                comparisons.put(key, Comparison.of(before, values.stream().mapToLong(Long::longValue).toArray(),
                        minimumChange));
            }
        });
        return comparisons;
    }
}
