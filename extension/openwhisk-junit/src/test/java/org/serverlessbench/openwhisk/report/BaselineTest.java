package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    @TempDir
    Path folder;

    private static List<InvocationRow> rows(Conditions conditions, long clientUs) {
        List<InvocationRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(Rows.warm("a.B#sweep", "f", i, clientUs + i, 500).withConditions(conditions));
        }
        return rows;
    }

    private void writeRun(List<InvocationRow> rows) throws IOException {
        StringWriter json = new StringWriter();
        new ResultsJsonWriter(new ObjectMapper()).write(RunReport.of(new RunInfo("embedded", null, Map.of()),
                Instant.EPOCH, Instant.EPOCH.plusSeconds(1), rows), json);
        Files.writeString(folder.resolve(ResultsFiles.JSON), json.toString());
    }

    @Test
    void readsTheConditionsBackAndComparesOnlyTheSameGroups() throws IOException {
        Conditions warm4 = Conditions.NONE.withMode("warm").withConcurrency(4).withPayloadBytes(1024L);
        List<InvocationRow> before = new ArrayList<>(rows(warm4, 10_000));
        before.addAll(rows(warm4.withConcurrency(8), 10_000));
        writeRun(before);

        Baseline baseline = Baseline.read(folder, 0.1);
        List<InvocationRow> now = new ArrayList<>(rows(warm4, 20_000));
        now.addAll(rows(warm4.withIdleMs(1_000L), 20_000));
        Map<GroupKey, Comparison> comparisons = baseline.compare(now);

        assertThat(comparisons).hasSize(1);
        GroupKey key = comparisons.keySet().iterator().next();
        assertThat(key).isEqualTo(GroupKey.of(rows(warm4, 0).get(0)));
        assertThat(comparisons.get(key).verdict()).isEqualTo(Comparison.Verdict.REGRESSED);
    }

    @Test
    void anOlderResultsFileWithoutConditionsMatchesRowsWithoutConditions() throws IOException {
        StringBuilder invocations = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            invocations.append(i == 0 ? "" : ",").append("{\"test\":\"a.B#sweep\",\"function\":\"f\",\"warmup\":false,"
                    + "\"cold\":false,\"clientTimeUs\":").append(10_000 + i).append(",\"memoryMb\":256}");
        }
        Files.writeString(folder.resolve(ResultsFiles.JSON), "{\"invocations\":[" + invocations + "]}");

        Baseline baseline = Baseline.read(folder, 0.1);
        Map<GroupKey, Comparison> comparisons = baseline.compare(rows(Conditions.NONE, 10_000));

        assertThat(comparisons).hasSize(1);
        assertThat(comparisons.values().iterator().next().verdict()).isEqualTo(Comparison.Verdict.UNCHANGED);
        assertThat(baseline.compare(rows(Conditions.NONE.withMode("warm"), 10_000))).isEmpty();
    }
}
