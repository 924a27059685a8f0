package org.serverlessbench.openwhisk.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dynalite installed by {@code npm ci} from the lock file shipped with this module into
 * {@code <work directory>/dynalite-<lock hash>}, once: later runs find the finished install and reuse it. A file
 * lock keeps two JVMs from installing into the same folder at once.
 */
final class DynaliteInstall {

    static final String RESOURCES = "dynalite/";
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "launcher.js");
    private static final String DONE_MARKER = ".installed";
    private static final long NPM_TIMEOUT_MINUTES = 10;

    private DynaliteInstall() {
    }

    /** The folder holding {@code launcher.js} and its {@code node_modules}, installing it first if needed. */
    static Path ensure(Path workDirectory) throws IOException {
        byte[] lock = resource("package-lock.json");
        Path folder = workDirectory.resolve("dynalite-" + sha256(lock).substring(0, 12));
        Files.createDirectories(folder);
        try (FileChannel channel = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            for (String file : FILES) {
                Files.write(folder.resolve(file), resource(file));
            }
            if (!Files.exists(folder.resolve(DONE_MARKER))) {
                npmCi(folder);
                Files.writeString(folder.resolve(DONE_MARKER), "npm ci finished\n");
            }
        }
        return folder;
    }

    private static void npmCi(Path folder) throws IOException {
        Path log = folder.resolve("npm-ci.log");
        Process process = new ProcessBuilder("npm", "ci", "--omit=dev", "--no-audit", "--no-fund")
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("npm ci in " + folder + " did not finish within " + NPM_TIMEOUT_MINUTES
                        + " minutes; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while installing dynalite in " + folder, e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("npm ci in " + folder + " failed with exit code " + process.exitValue() + ": "
                    + tail(log) + " (full log: " + log + "); the embedded NoSQL service needs node and npm with"
                    + " access to the npm registry once, or set openwhisk.storage.nosql.endpoint");
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DynaliteInstall.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCES + name + " is missing from the openwhisk-storage jar");
            }
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
