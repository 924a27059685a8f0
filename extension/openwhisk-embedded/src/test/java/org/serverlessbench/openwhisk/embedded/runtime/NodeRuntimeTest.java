package org.serverlessbench.openwhisk.embedded.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.init;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.json;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.run;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.zip;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class NodeRuntimeTest extends ProcessRuntimeContract {

    private static final String KIND = "nodejs:20";
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
            case GREETING -> init("function main(args) { return {greeting: 'Hello ' + args.name}; }", "main");
            case ENVIRONMENT -> init("function main() { return {host: process.env.__OW_API_HOST,"
                    + " custom: process.env.CUSTOM, id: process.env.__OW_ACTIVATION_ID,"
                    + " name: process.env.__OW_ACTION_NAME, deadline: process.env.__OW_DEADLINE,"
                    + " ns: process.env.__OW_NAMESPACE}; }", "main", false, Map.of("CUSTOM", "from-init"));
            case APPLICATION_ERROR -> init("function main() { return {error: 'bad input'}; }", "main");
            case EXIT_3 -> init("function main() { process.exit(3); }", "main");
            case SPIN -> init("function main() { while (true) {} }", "main");
            case LOGGING -> init("function main(args) { console.log('out ' + args.n); console.error('err ' + args.n);"
                    + " console.log('second line'); return {}; }", "main");
            case ECHO -> init("function main(a) { return {echo: a.text + ' ✓'}; }", "main");
            case SPAWN_CHILD -> init("const { spawn } = require('child_process'); function main() {"
                    + " const child = spawn('sleep', ['60'], {stdio: 'ignore'}); return {pid: child.pid}; }", "main");
        };
    }

    @Override
    Refusal refusal(Refused request) {
        return switch (request) {
            case RUN_BEFORE_INIT -> new Refusal(403, "System not initialized.");
            case INIT_WITHOUT_CODE -> new Refusal(403, "Missing main/no code to execute.");
            case SECOND_INIT -> new Refusal(403, "Cannot initialize the action more than once.");
        };
    }

    @Override
    String initAnswer() {
        return "{\"OK\":true}";
    }

    @Override
    void assertMoreEnvironment(JsonNode result) {
        assertThat(result.get("custom").asText()).isEqualTo("from-init");
        assertThat(result.get("ns").asText()).isEqualTo("guest");
    }

    @Test
    void initFailureIs502AndEndsWithSentinels() throws Exception {
        try (ActionContainer container = runtime.container(256)) {
            RuntimeResponse response = container.init(init("function main( {", "main"), TIMEOUT);
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(json(response).get("error").asText())
                    .startsWith("Initialization has failed due to: SyntaxError");
            assertThat(container.drainLogs(TIMEOUT)).extracting(LogLine::text)
                    .noneMatch(ProcessOutput.SENTINEL::equals)
                    .anyMatch(line -> line.contains("SyntaxError"));
        }
    }

    @Test
    void resolvesPromisesAndTurnsRejectionsIntoErrorResults() throws Exception {
        String code = "function main(args) { if (args.fail) return Promise.reject(new Error('nope'));"
                + " return new Promise(r => setTimeout(() => r({late: true}), 20)); }";
        try (ActionContainer container = initialized(code)) {
            RuntimeResponse ok = container.run(run(Map.of()), TIMEOUT);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(json(ok).get("late").asBoolean()).isTrue();

            RuntimeResponse rejected = container.run(run(Map.of("fail", true)), TIMEOUT);
            assertThat(rejected.statusCode()).isEqualTo(200);
            assertThat(json(rejected).at("/error/message").asText()).isEqualTo("nope");
            assertThat(json(rejected).at("/error/name").asText()).isEqualTo("Error");
        }
    }

    @Test
    void answersAThrownExceptionWith502() throws Exception {
        try (ActionContainer container = initialized("function main() { throw new Error('kaputt'); }")) {
            RuntimeResponse response = container.run(run(Map.of()), TIMEOUT);
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(json(response).get("error").asText()).isEqualTo("An error has occurred: Error: kaputt");
        }
    }

    @Test
    void answersANonObjectResultWith502() throws Exception {
        try (ActionContainer container = initialized("function main() { return 42; }")) {
            RuntimeResponse response = container.run(run(Map.of()), TIMEOUT);
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(json(response).get("error").asText()).isEqualTo("The action did not return a dictionary.");
        }
    }

    @Test
    void separatesTheSentinelFromOutputWithoutALineBreak() throws Exception {
        String code = "function main() { process.stdout.write('no line break');"
                + " process.stderr.write('none here'); return {}; }";
        try (ActionContainer container = initialized(code)) {
            container.run(run(Map.of()), TIMEOUT);
            long started = System.nanoTime();
            assertThat(container.drainLogs(TIMEOUT)).extracting(LogLine::stream, LogLine::text)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("stdout", "no line break"),
                            org.assertj.core.groups.Tuple.tuple("stderr", "none here"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void endsAnActivationThatExceedsTheHeapLimit() throws Exception {
        String code = "function main() { const keep = [];"
                + " while (true) keep.push(new Array(100000).fill(Math.random())); }";
        try (ActionContainer container = runtime.container(128)) {
            assertThat(container.init(init(code, "main"), TIMEOUT).statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> container.run(run(Map.of()), Duration.ofSeconds(60)))
                    .isInstanceOf(ContainerCrashedException.class);
            assertThat(container.isAlive()).isFalse();
            List<String> logs = container.drainLogs(Duration.ofSeconds(2)).stream().map(LogLine::text).toList();
            assertThat(container.memoryExhausted() || logs.stream().anyMatch(line -> line.contains("heap")))
                    .as("the cgroup's out-of-memory kill or V8's heap message, logs: %s", logs).isTrue();
        }
    }

    @Test
    void runsAZipWithPackageJsonMain() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("package.json", "{\"name\":\"zipped\",\"main\":\"lib/app.js\"}");
        files.put("lib/app.js", "const helper = require('./helper');\n"
                + "exports.main = args => ({sum: helper.add(args.a, args.b)});");
        files.put("lib/helper.js", "exports.add = (a, b) => a + b;");
        try (ActionContainer container = runtime.container(256)) {
            RuntimeResponse initialized = container.init(init(zip(files), "main", true, Map.of()), TIMEOUT);
            assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
            assertThat(json(container.run(run(Map.of("a", 2, "b", 3)), TIMEOUT)).get("sum").asInt()).isEqualTo(5);
        }
    }

    @Test
    void runsAZipWithAFileDotFunctionMain() throws Exception {
        Map<String, String> files = Map.of("handlers.js", "exports.greet = async args => ({hi: args.who});");
        try (ActionContainer container = runtime.container(256)) {
            RuntimeResponse initialized = container.init(init(zip(files), "handlers.greet", true, Map.of()), TIMEOUT);
            assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
            assertThat(json(container.run(run(Map.of("who", "zip")), TIMEOUT)).get("hi").asText()).isEqualTo("zip");
        }
    }

    @Test
    void runsATarGzArchive() throws Exception {
        Map<String, String> files = Map.of("index.js", "exports.main = () => ({format: 'tar.gz'});");
        try (ActionContainer container = runtime.container(256)) {
            RuntimeResponse initialized = container.init(init(RuntimeMessages.tarGz(files), "main", true, Map.of()),
                    TIMEOUT);
            assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
            assertThat(json(container.run(run(Map.of()), TIMEOUT)).get("format").asText()).isEqualTo("tar.gz");
        }
    }

    @Test
    void refusesASecondRunWhileOneIsRunning(@TempDir Path temp) throws Exception {
        String code = "const fs = require('fs');"
                + " function main(a) { fs.writeFileSync(a.flag, 'running'); return new Promise(r => {"
                + " const poll = setInterval(() => { if (!fs.existsSync(a.flag)) { clearInterval(poll);"
                + " r({slow: true}); } }, 5); }); }";
        Path flag = temp.resolve("running");
        try (ActionContainer container = initialized(code)) {
            java.util.concurrent.CompletableFuture<RuntimeResponse> first =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            return container.run(run(Map.of("flag", flag.toString())), TIMEOUT);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            Await.until(TIMEOUT, "the first run started", () -> Files.exists(flag));
            RuntimeResponse second = container.run(run(Map.of()), TIMEOUT);
            assertThat(second.statusCode()).isEqualTo(403);
            assertThat(json(second).get("error").asText()).isEqualTo("System not ready, status is running.");
            Files.delete(flag);
            assertThat(first.get().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void rejectsAZipWithoutEntryPoint() throws Exception {
        try (ActionContainer container = runtime.container(256)) {
            RuntimeResponse response = container.init(init(zip(Map.of("other.js", "")), "main", true, Map.of()),
                    TIMEOUT);
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(json(response).get("error").asText())
                    .contains("Zipped actions must contain either package.json or index.js at the root.");
        }
    }

}
