package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Trials(3)} on the embedded OpenWhisk: each trial starts in fresh containers, and the spread between the
 * trials is in the console summary, {@code results.json} and {@code report.html}, with the figures of the rows.
 */
class TrialsTests {

    @TempDir
    Path results;

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class TrialsTestCases {

        @Trials(3)
        @Samples(4)
        void trials(LibraryTrigger trigger) {
            trigger.invoke(Map.of("sleepMs", 5)).assertSuccess();
        }
    }

    @Test
    void theSpreadBetweenThreeTrialsIsReportedWhereResultsAreRead() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        OpenWhiskTestKit.Run run;
        try {
            run = OpenWhiskTestKit.run(TrialsTestCases.class, Map.of(), results).assertAllSucceeded();
        } finally {
            System.setOut(original);
        }
        JsonNode json = new ObjectMapper().readTree(results.resolve("latest").resolve("results.json").toFile());

        assertThat(ExperimentTests.testNames(run)).containsExactly("[trial 1]", "[trial 2]", "[trial 3]");
        List<JsonNode> spreads = new ArrayList<>();
        json.path("trialSpread").forEach(spreads::add);
        // each trial's first invocation starts a fresh container: a cold group and a warm group, three trials each
        assertThat(spreads).extracting(spread -> spread.path("cold").asBoolean()).containsExactly(true, false);
        for (JsonNode spread : spreads) {
            boolean cold = spread.path("cold").asBoolean();
            assertThat(spread.path("trial").isNull()).isTrue();
            assertThat(spread.path("trialCount").asInt()).isEqualTo(3);
            double sumOfMeans = 0;
            for (int trial = 1; trial <= 3; trial++) {
                // the trial's client times as the rows have them, their median and mean computed here
                int t = trial;
                double[] times = Rows.ofTest(run, TrialsTestCases.class, "trials").stream()
                        .filter(row -> row.path("trial").asInt() == t && row.path("cold").asBoolean() == cold)
                        .mapToDouble(row -> row.path("clientTimeUs").asDouble()).sorted().toArray();
                JsonNode ofTrial = spread.path("trials").get(trial - 1);
                double median = times.length % 2 == 1 ? times[times.length / 2]
                        : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
                double mean = java.util.Arrays.stream(times).average().orElseThrow();
                assertThat(ofTrial.path("trial").asInt()).isEqualTo(trial);
                assertThat(ofTrial.path("count").asInt()).isEqualTo(cold ? 1 : 3);
                assertThat(ofTrial.path("median").asDouble()).isCloseTo(median, within(0.051));
                assertThat(ofTrial.path("mean").asDouble()).isCloseTo(mean, within(0.051));
                sumOfMeans += mean;
            }
            double meanOfMeans = spread.path("meanOfMeans").asDouble();
            assertThat(meanOfMeans).isCloseTo(sumOfMeans / 3, within(0.051));
            assertThat(spread.path("meanOfMeansCi95").get(0).asDouble()).isLessThanOrEqualTo(meanOfMeans);
            assertThat(spread.path("meanOfMeansCi95").get(1).asDouble()).isGreaterThanOrEqualTo(meanOfMeans);
            assertThat(spread.path("betweenTrialCv").asDouble()).isNotNegative();
            assertThat(spread.path("pooled").path("count").asInt()).isEqualTo(cold ? 3 : 9);
        }
        String console = captured.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("Spread between trials, client time");
        assertThat(console.lines().filter(line -> line.startsWith("TrialsTests$TrialsTestCases#trials")))
                .as("summary lines: cold and warm of each trial, then the two spreads").hasSize(8);
        String html = Files.readString(results.resolve("latest").resolve("report.html"));
        assertThat(html).contains("<table class=\"trials\">").contains("data-chart=\"trials\" data-function=\"echo\"");
    }
}
