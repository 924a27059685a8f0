package org.serverlessbench.openwhisk.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Describes the machine a run ran on, for the {@code run.environment} block of {@code results.json}. */
final class RunEnvironment {

    private static final long VERSION_PROBE_TIMEOUT_SECONDS = 30;

    private RunEnvironment() {}

    /**
     * The JVM, operating system, processor count and maximum heap; with {@code localRuntimes}, also the versions of
     * {@code node} and {@code python3} found on the {@code PATH} (the interpreters the embedded OpenWhisk starts).
     */
    static Map<String, String> describe(boolean localRuntimes) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"));
        environment.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        environment.put("maxHeapMb", Long.toString(Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        if (localRuntimes) {
            environment.put("node", version(List.of("node", "--version")));
            environment.put("python", version(List.of("python3", "--version")));
        }
        return environment;
    }

    /** The first output line of {@code command}, or a short explanation why there is none. */
    static String version(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return "not found (" + String.join(" ", command) + ": " + e.getMessage() + ")";
        }
        try (InputStream output = process.getInputStream()) {
            if (!process.waitFor(VERSION_PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return "unknown (" + String.join(" ", command) + " did not answer within "
                        + VERSION_PROBE_TIMEOUT_SECONDS + " s)";
            }
            String text = new String(output.readAllBytes(), StandardCharsets.UTF_8).strip();
            int newline = text.indexOf('\n');
            String firstLine = newline < 0 ? text : text.substring(0, newline).strip();
            return process.exitValue() == 0
                    ? firstLine
                    : "unknown (exit " + process.exitValue() + ": " + firstLine + ")";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        } finally {
            process.destroyForcibly();
        }
    }
}
