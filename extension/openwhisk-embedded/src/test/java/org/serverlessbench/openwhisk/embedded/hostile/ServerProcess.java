package org.serverlessbench.openwhisk.embedded.hostile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.serverlessbench.openwhisk.embedded.EmbeddedOpenWhiskMain;

/**
 * The embedded OpenWhisk in a child JVM, so that its file descriptors and threads can be counted alone and its open
 * file limit set ({@code ulimit -n} through {@code bash -c}); everything it prints is kept, to look for errors.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern WSK_LINE =
            Pattern.compile("wsk property set --apihost '(http://127\\.0\\.0\\.1:(\\d+))' --auth '([^']+)'");

    private final Process process;
    private final StringBuffer output;
    private final String apiHost;
    private final int port;
    private final String auth;

    private ServerProcess(Process process, StringBuffer output, String apiHost, int port, String auth) {
        this.process = process;
        this.output = output;
        this.apiHost = apiHost;
        this.port = port;
        this.auth = auth;
    }

    /** Starts the standalone server on a free port with a 256 MB heap; {@code openFiles} > 0 sets its fd limit. */
    static ServerProcess start(int openFiles) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                (openFiles > 0 ? "ulimit -n " + openFiles + " && " : "") + "exec \"$0\" \"$@\"", java, "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), EmbeddedOpenWhiskMain.class.getName(), "--port", "0",
                "--memory", "1024"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuffer seen = new StringBuffer();
        CompletableFuture<Matcher> wsk = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    seen.append(line).append('\n');
                    Matcher m = WSK_LINE.matcher(line);
                    if (m.find()) {
                        wsk.complete(m);
                    }
                }
            } catch (IOException e) {
                // the child ended
            }
            wsk.completeExceptionally(new IllegalStateException("the server ended without its wsk line:\n" + seen));
        }, "hostile-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            Matcher m = wsk.get(60, TimeUnit.SECONDS);
            return new ServerProcess(process, seen, m.group(1), Integer.parseInt(m.group(2)), m.group(3));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the embedded OpenWhisk did not start within 60 s; it printed:\n" + seen,
                    e);
        }
    }

    /** Everything the server printed so far (standard output and error). */
    String output() {
        return output.toString();
    }

    String apiHost() {
        return apiHost;
    }

    int port() {
        return port;
    }

    String auth() {
        return auth;
    }

    long pid() {
        return process.pid();
    }

    /** Open file descriptors of the server's JVM. */
    int openFiles() {
        return count(Path.of("/proc", Long.toString(process.pid()), "fd"));
    }

    /** Threads of the server's JVM. */
    int threads() {
        return count(Path.of("/proc", Long.toString(process.pid()), "task"));
    }

    private static int count(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return (int) entries.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + "; has the server died?", e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
