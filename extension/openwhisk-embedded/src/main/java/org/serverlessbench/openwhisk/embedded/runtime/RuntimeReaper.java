package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The process that cleans up after this JVM if it dies without running its shutdown hooks (kill -9, a crash): the
 * bundled {@code runtime-reaper.sh} in a session of its own, waiting for end of file on a pipe only this JVM holds.
 */
final class RuntimeReaper {

    private static final Logger LOG = Logger.getLogger(RuntimeReaper.class.getName());
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);
    private static final byte[] STOPPED = "stopped\n".getBytes(StandardCharsets.US_ASCII);

    private final Process process;

    private RuntimeReaper(Process process) {
        this.process = process;
    }

    /** Starts the reaper; empty, with a logged warning, where {@code /bin/sh} cannot be started. */
    static Optional<RuntimeReaper> start(Path script, String runId, Path workDirectory, List<Path> cgroupRuns,
                                         Optional<Path> setsid) {
        List<String> command = new ArrayList<>();
        setsid.ifPresent(program -> command.add(program.toString()));
        command.addAll(List.of("/bin/sh", script.toString(), runId, workDirectory.toString()));
        cgroupRuns.forEach(run -> command.add(run.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        String path = System.getenv("PATH");
        builder.environment().clear();
        builder.environment().put("PATH", path == null ? "/usr/bin:/bin" : path);
        try {
            return Optional.of(new RuntimeReaper(builder.start()));
        } catch (IOException e) {
            LOG.warning("[embedded runtimes] runtime processes may outlive this JVM if it is killed: the reaper ("
                    + String.join(" ", command) + ") did not start: " + e.getMessage());
            return Optional.empty();
        }
    }

    long pid() {
        return process.pid();
    }

    /** This JVM cleaned up itself: tells the reaper it has nothing to do and waits until it has exited. */
    void stop() {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(STOPPED);
        } catch (IOException alreadyExited) {
            // nothing to tell
        }
        boolean interrupted = Thread.interrupted();
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.kill(process, STOP_WAIT);
            }
        } catch (InterruptedException e) {
            interrupted = true;
            ProcessTree.kill(process, STOP_WAIT);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
