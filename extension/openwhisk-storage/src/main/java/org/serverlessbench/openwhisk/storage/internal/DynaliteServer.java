package org.serverlessbench.openwhisk.storage.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dynalite as a child process on 127.0.0.1. Its stdin stays open while this JVM runs: the launcher exits at end of
 * input, so the server also stops when the JVM dies without closing it.
 */
final class DynaliteServer implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening (\\d+)");
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final int port;
    private final StringBuffer output;

    private DynaliteServer(Process process, int port, StringBuffer output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    static DynaliteServer start(Path installation) throws IOException {
        Process process = new ProcessBuilder("node", "launcher.js")
                .directory(installation.toFile())
                .redirectErrorStream(true)
                .start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(process, output, port), "dynalite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new DynaliteServer(process, port.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS), output);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("dynalite (node launcher.js in " + installation + ") did not report its port"
                    + " within " + START_TIMEOUT_SECONDS + " s; its output: " + output, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while starting dynalite", e);
        }
    }

    private static void readOutput(Process process, StringBuffer output, CompletableFuture<Integer> port) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher listening = LISTENING.matcher(line);
                if (!port.isDone() && listening.matches()) {
                    port.complete(Integer.parseInt(listening.group(1)));
                } else if (output.length() < 16_384) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // the process ended; whoever waits for the port learns it below
        }
        port.completeExceptionally(new IOException("dynalite exited with output: " + output));
    }

    /** {@code 127.0.0.1:<port>}. */
    String hostPort() {
        return "127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
