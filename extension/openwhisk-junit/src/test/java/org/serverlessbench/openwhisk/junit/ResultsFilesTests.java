package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The results files of a run on the embedded OpenWhisk: written at its end, also after failures, and nothing else. */
class ResultsFilesTests {

    @OpenWhiskTest
    @TestMethodOrder(MethodOrderer.MethodName.class)
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class PassAndFailTestCases {

        @Test
        void a_passes(LibraryTrigger trigger) {
            trigger.invoke(Map.of("n", 1)).assertSuccess();
        }

        @Test
        void b_fails(LibraryTrigger trigger) {
            trigger.invoke(Map.of("fail", "on purpose")).assertSuccess();
        }
    }

    @TempDir
    Path results;

    @Test
    void aRunWithAFailingTestWritesTheRowsOfEveryTestAndNothingElse() throws IOException {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(PassAndFailTestCases.class, Map.of(), results);

        run.results().testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        try (Stream<Path> files = Files.list(results.resolve("latest"))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("results.json", "results.csv", "report.html", "sebs");
        }
        String prefix = PassAndFailTestCases.class.getName() + "#";
        assertThat(run.rows()).extracting(row -> row.get("test").asText() + " " + row.get("status").asText())
                .containsExactly(prefix + "a_passes success", prefix + "b_fails application error");
        JsonNode json = new ObjectMapper().readTree(results.resolve("latest/results.json").toFile());
        assertThat(json.get("run").get("target").asText()).isEqualTo("embedded");
        assertThat(json.get("summary")).hasSize(2);
        List<String> csv = Files.readAllLines(results.resolve("latest/results.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(2)).startsWith(prefix + "b_fails,echo,");
    }

    @Test
    void theTestKitRemovesTheResultsFolderItMade() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(PassAndFailTestCases.class);

        assertThat(run.rows()).hasSize(2);
        assertThat(run.resultsDirectory()).doesNotExist();
    }
}
