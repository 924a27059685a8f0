package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunEnvironmentTest {

    @Test
    void describesTheJvmAndMachine() {
        Map<String, String> environment = RunEnvironment.describe(false);

        assertThat(environment).containsOnlyKeys("java", "os", "cores", "maxHeapMb");
        assertThat(environment.get("java")).startsWith(System.getProperty("java.version"));
        assertThat(environment.get("cores")).isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void forTheEmbeddedTargetAlsoTheLocalRuntimes() {
        RunInfo run = RunInfo.describe("embedded", "http://127.0.0.1:3233");

        assertThat(run.environment()).containsKeys("java", "os", "cores", "node", "python");
        assertThat(run.environment().get("node")).matches("v\\d+\\..*|not found.*");
        assertThat(run.environment().get("python")).matches("Python 3\\..*|not found.*");
        assertThat(RunInfo.describe("remote", "https://ow.example").environment()).doesNotContainKey("node");
    }

    @Test
    void saysWhenAProgramIsMissing() {
        assertThat(RunEnvironment.version(List.of("no-such-program-for-openwhisk-tests", "--version")))
                .startsWith("not found (no-such-program-for-openwhisk-tests --version: ");
    }
}
