package org.serverlessbench.openwhisk.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code src/test/js/official-client-test.js}, which drives the server with the official Apache OpenWhisk
 * JavaScript client ({@code openwhisk} on npm): create, 409, invoke blocking and not, activations get/list/logs/result,
 * update, delete and 404; sequences; triggers and rules (create, get, list, fire, enable, disable, update, delete).
 */
class OfficialJsClientTest {
    private static final Path SOURCES = Path.of(System.getProperty("basedir", "."), "src", "test", "js");
    private static final Path WORK = Path.of(System.getProperty("basedir", "."), "target", "official-js-client");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "official-client-test.js");

    @Test
    void officialJavaScriptClientWorksAgainstTheEmbeddedOpenWhisk() throws Exception {
        assumeTrue(available("npm") && available("node"),
                "npm and node are needed on the PATH to run the official OpenWhisk JavaScript client; skipped");
        install();

        try (EmbeddedOpenWhisk openWhisk = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0).start()) {
            Result run = run(List.of("node", "official-client-test.js"), Map.of("__OW_API_HOST", openWhisk.apiHost(),
                    "__OW_API_KEY", openWhisk.auth()), 120);

            assertThat(run.exitCode()).as("node official-client-test.js exited with %d; its output:%n%s",
                    run.exitCode(), run.output()).isZero();
            assertThat(run.output()).contains("all checks passed");
        }
    }

    private static void install() throws Exception {
        Files.createDirectories(WORK);
        boolean changed = false;
        for (String file : FILES) {
            Path source = SOURCES.resolve(file);
            Path target = WORK.resolve(file);
            changed |= !Files.exists(target) || Files.mismatch(source, target) != -1;
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (changed || !Files.isDirectory(WORK.resolve("node_modules").resolve("openwhisk"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
            assertThat(install.exitCode()).as("npm ci in %s failed; its output:%n%s", WORK, install.output()).isZero();
        }
    }

    private static boolean available(String program) {
        try {
            Process process = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Path log = Files.createTempFile(WORK, "run-", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Result(-1, String.join(" ", command) + " did not finish within " + timeoutSeconds
                        + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
