package org.serverlessbench.openwhisk.embedded.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.init;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.json;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.run;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.zip;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PythonRuntimeTest extends ProcessRuntimeContract {

    private static final String KIND = "python:3.11";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @RegisterExtension
    static final RuntimeUnderTest runtime = new RuntimeUnderTest(KIND, TIMEOUT);

    private static ActionContainer initialized(String code) throws Exception {
        return runtime.initialized(init(code, "main"));
    }

    @Override
    RuntimeUnderTest runtime() {
        return runtime;
    }

    @Override
    String initBody(Action action) {
        return switch (action) {
            case GREETING -> init("def main(args):\n    return {'greeting': 'Hello ' + args['name']}\n", "main");
            case ENVIRONMENT -> init("import os\ndef main(args):\n"
                    + "    return {k: os.environ.get(v) for k, v in [('host', '__OW_API_HOST'), ('custom', 'CUSTOM'),"
                    + " ('id', '__OW_ACTIVATION_ID'), ('name', '__OW_ACTION_NAME'), ('deadline', '__OW_DEADLINE')]}\n",
                    "main", false, Map.of("CUSTOM", "from-init"));
            case APPLICATION_ERROR -> init("def main(args):\n    return {'error': 'bad input'}\n", "main");
            case EXIT_3 -> init("import os\ndef main(args):\n    os._exit(3)\n", "main");
            case SPIN -> init("def main(args):\n    while True:\n        pass\n", "main");
            case LOGGING -> init("import sys\ndef main(args):\n    print('out', args['n'])\n"
                    + "    print('err', args['n'], file=sys.stderr)\n    print('second line')\n    return {}\n",
                    "main");
            case ECHO -> init("def main(a):\n    return {'echo': a['text'] + ' ✓'}\n", "main");
            case SPAWN_CHILD -> init("import subprocess\ndef main(args):\n"
                    + "    return {'pid': subprocess.Popen(['sleep', '60']).pid}\n", "main");
        };
    }

    @Override
    Refusal refusal(Refused request) {
        return switch (request) {
            case RUN_BEFORE_INIT -> new Refusal(500, "no action defined yet");
            case INIT_WITHOUT_CODE -> new Refusal(403, "Missing main/no code to execute.");
            case SECOND_INIT -> new Refusal(403, "Cannot initialize the action more than once.");
        };
    }

    @Override
    String initAnswer() {
        return "{\"ok\": true}";
    }

    @Override
    void assertMoreEnvironment(JsonNode result) {
        assertThat(result.get("custom").asText()).isEqualTo("from-init");
    }

    @Test
    void initFailureIs502WithTheCauseInTheLogs() throws Exception {
        try (ActionContainer container = runtime.container(256)) {
            RuntimeResponse response = container.init(init("def main(args) return 1\n", "main"), TIMEOUT);
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(json(response).get("error").asText()).isEqualTo("Cannot start action. Check logs for details.");
            assertThat(container.drainLogs(TIMEOUT)).extracting(LogLine::text)
                    .noneMatch(ProcessOutput.SENTINEL::equals)
                    .anyMatch(line -> line.contains("SyntaxError"));
        }
    }

    @Test
    void rejectsAMissingMainFunction() throws Exception {
        try (ActionContainer container = runtime.container(256)) {
            RuntimeResponse response = container.init(init("def other(args):\n    return {}\n", "main"), TIMEOUT);
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(container.drainLogs(TIMEOUT)).extracting(LogLine::text)
                    .anyMatch(line -> line.contains("has no function 'main'"));
        }
    }

    @Test
    void returnsLists() throws Exception {
        try (ActionContainer container = initialized("def main(args):\n    return [1, 2, 3]\n")) {
            RuntimeResponse list = container.run(run(Map.of()), TIMEOUT);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(json(list).isArray()).isTrue();
            assertThat(json(list)).hasSize(3);
        }
    }

    @Test
    void turnsAnExceptionIntoAnErrorResultAndLogsTheTraceback() throws Exception {
        try (ActionContainer container = initialized("def main(args):\n    raise ValueError('kaputt')\n")) {
            RuntimeResponse response = container.run(run(Map.of()), TIMEOUT);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("error").asText()).isEqualTo("kaputt");
            assertThat(container.drainLogs(TIMEOUT)).extracting(LogLine::stream, LogLine::text)
                    .contains(org.assertj.core.groups.Tuple.tuple("stderr", "ValueError: kaputt"));
        }
    }

    @Test
    void answersANonDictResultWith502() throws Exception {
        try (ActionContainer container = initialized("def main(args):\n    return 42\n")) {
            RuntimeResponse response = container.run(run(Map.of()), TIMEOUT);
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(json(response).get("error").asText())
                    .isEqualTo("The action did not return a dictionary or array.");
        }
    }

    @Test
    void limitsTheMemoryOfTheWholeProcessToTheActionMemory() throws Exception {
        CgroupRequirement.assumeCgroups(runtime.factory());
        String code = "def main(args):\n"
                + "    data = b'x' * (args['mb'] * 1024 * 1024)\n"
                + "    return {'allocated': len(data) // (1024 * 1024)}\n";
        try (ActionContainer container = runtime.container(128)) {
            assertThat(container.init(init(code, "main"), TIMEOUT).statusCode()).isEqualTo(200);
            RuntimeResponse within = container.run(run(Map.of("mb", 80)), TIMEOUT);
            assertThat(within.statusCode()).as(within.body()).isEqualTo(200);
            assertThat(json(within).get("allocated").asInt()).isEqualTo(80);
            container.drainLogs(TIMEOUT);

            assertThatThrownBy(() -> container.run(run(Map.of("mb", 200)), TIMEOUT))
                    .isInstanceOf(ContainerCrashedException.class)
                    .hasMessageContaining("exited with code 137");
            assertThat(container.memoryExhausted()).isTrue();
        }
    }

    @Test
    void importsNumpyWithinASmallMemoryLimit() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(numpyInstalled(), "numpy is not installed for python3");
        String code = "import numpy\ndef main(args):\n    return {'sum': int(numpy.arange(10).sum())}\n";
        try (ActionContainer container = runtime.container(128)) {
            RuntimeResponse initialized = container.init(init(code, "main"), TIMEOUT);
            assertThat(initialized.statusCode())
                    .as(() -> initialized.body() + " " + container.drainLogs(Duration.ofSeconds(1)))
                    .isEqualTo(200);
            assertThat(json(container.run(run(Map.of()), TIMEOUT)).get("sum").asInt()).isEqualTo(45);
        }
    }

    private static boolean numpyInstalled() throws Exception {
        try (ActionContainer probe = runtime.container(256)) {
            probe.init(init("def main(args):\n    import importlib.util\n"
                    + "    return {'numpy': importlib.util.find_spec('numpy') is not None}\n", "main"), TIMEOUT);
            return json(probe.run(run(Map.of()), TIMEOUT)).get("numpy").asBoolean();
        }
    }

    @Test
    void runsAZipWithMainModuleAndHelpers() throws Exception {
        Map<String, String> files = Map.of(
                "__main__.py",
                "from helper import add\ndef handler(args):\n    return {'sum': add(args['a'], args['b'])}\n",
                "helper.py", "def add(a, b):\n    return a + b\n");
        try (ActionContainer container = runtime.container(256)) {
            RuntimeResponse initialized = container.init(init(zip(files), "handler", true, Map.of()), TIMEOUT);
            assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
            assertThat(json(container.run(run(Map.of("a", 2, "b", 3)), TIMEOUT)).get("sum").asInt()).isEqualTo(5);
        }
    }

    @Test
    void rejectsAZipWithoutMainModule() throws Exception {
        try (ActionContainer container = runtime.container(256)) {
            RuntimeResponse response = container.init(init(zip(Map.of("other.py", "")), "main", true, Map.of()),
                    TIMEOUT);
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(container.drainLogs(TIMEOUT)).extracting(LogLine::text)
                    .anyMatch(line -> line.contains("__main__.py is missing"));
        }
    }

}
