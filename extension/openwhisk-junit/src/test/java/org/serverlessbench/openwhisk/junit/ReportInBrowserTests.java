package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.serverlessbench.openwhisk.report.Calibration;
import org.serverlessbench.openwhisk.report.ExperimentRows;
import org.serverlessbench.openwhisk.report.ResultsSink;
import org.serverlessbench.openwhisk.report.RunInfo;
import org.serverlessbench.openwhisk.report.browser.HeadlessChromium;

/**
 * Opens the report.html of a real run on the embedded OpenWhisk in Debian's headless Chromium: every chart is drawn,
 * a screenshot is not blank, and the console shows no error.
 */
class ReportInBrowserTests {

    @TempDir
    Path results;

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node", memory = 128)
    static class ColdAndWarmTestCases {

        @RepeatedTest(3)
        @ColdStart
        void cold(LibraryTrigger trigger) {
            trigger.invoke(Map.of("sleepMs", 5)).assertSuccess();
        }

        @RepeatedTest(25)
        @Warmup(1)
        void warm(HttpTrigger trigger) {
            trigger.invoke(Map.of("sleepMs", 5)).assertSuccess();
        }
    }

    @Test
    void theReportOfARealRunRendersEveryChartWithoutErrors() throws Exception {
        requireChromium();
        OpenWhiskTestKit.run(ColdAndWarmTestCases.class, Map.of(ConfigurationKeys.CALIBRATION, "true"), results)
                .assertAllSucceeded();
        Path report = results.resolve("latest").resolve("report.html");
        String html = Files.readString(report);
        int charts = html.split("class=\"chart\"", -1).length - 1;

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open(report);
            JsonNode figures = browser.evaluate("[...document.querySelectorAll('figure.chart')].map(f => {"
                    + " const svg = f.querySelector('svg'); const box = svg ? svg.getBoundingClientRect() : null;"
                    + " return {chart: f.dataset.chart, width: box ? box.width : 0, height: box ? box.height : 0,"
                    + " marks: svg ? svg.querySelectorAll('g.series polyline, g.series circle').length : 0}; })");
            byte[] png = browser.screenshot();

            assertThat(charts).as("charts in the report").isGreaterThanOrEqualTo(5);
            assertThat(figures).hasSize(charts);
            for (JsonNode figure : figures) {
                assertThat(figure.path("width").asDouble()).as("width of %s", figure).isGreaterThan(100);
                assertThat(figure.path("height").asDouble()).as("height of %s", figure).isGreaterThan(100);
                assertThat(figure.path("marks").asInt()).as("marks drawn in %s", figure).isPositive();
            }
            assertThat(distinctColours(png)).as("colours in the screenshot").isGreaterThan(8);
            assertThat(browser.errors()).isEmpty();
            Files.createDirectories(Path.of("target"));
            // docs/images/report.png is this screenshot
            Files.write(Path.of("target", "report-screenshot.png"), png);
        }
    }

    @Test
    void everyExperimentChartRendersWithoutErrors() throws Exception {
        requireChromium();
        ResultsSink sink = ResultsSink.open(results, new RunInfo("embedded", "http://127.0.0.1:3233",
                Map.of("java", "17")).withCalibration(new Calibration(1_500L, 120L, 20, "median of 20 calls")));
        ExperimentRows.all(25, java.time.Instant.now()).forEach(sink::append);
        sink.close();
        Path report = results.resolve("latest").resolve("report.html");

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open(report);
            JsonNode figures = browser.evaluate("[...document.querySelectorAll('figure.chart')].map(f => {"
                    + " const svg = f.querySelector('svg'); const box = svg ? svg.getBoundingClientRect() : null;"
                    + " return {chart: f.dataset.chart, width: box ? box.width : 0, height: box ? box.height : 0,"
                    + " marks: svg ? svg.querySelectorAll('g.series polyline, g.series circle').length : 0}; })");
            JsonNode calibration = browser.evaluate("document.querySelector('table.calibration') !== null");

            Set<String> charts = new HashSet<>();
            for (JsonNode figure : figures) {
                charts.add(figure.path("chart").asText());
                assertThat(figure.path("width").asDouble()).as("width of %s", figure).isGreaterThan(100);
                assertThat(figure.path("height").asDouble()).as("height of %s", figure).isGreaterThan(100);
                assertThat(figure.path("marks").asInt()).as("marks drawn in %s", figure).isPositive();
            }
            assertThat(charts).contains("memory", "open-loop-latency", "open-loop-throughput", "idle-time",
                    "payload", "trials");
            assertThat(browser.evaluate("document.querySelector('table.trials') !== null").asBoolean())
                    .as("spread between trials shown").isTrue();
            assertThat(calibration.asBoolean()).as("calibration table shown").isTrue();
            assertThat(browser.errors()).isEmpty();
            Files.createDirectories(Path.of("target"));
            // docs/images/report-experiments.png is this screenshot
            Files.write(Path.of("target", "report-experiments-screenshot.png"), browser.screenshot());
        }
    }

    private static int distinctColours(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static void requireChromium() {
        boolean present = Files.isExecutable(HeadlessChromium.executable());
        String how = "Chromium is needed to check the HTML report in a real browser: apt-get install chromium"
                + " (.ci/run does), or set CHROMIUM to its executable; looked for " + HeadlessChromium.executable();
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(how + " (CI=true: a missing browser fails the build)");
        }
        assumeTrue(present, how);
    }
}
