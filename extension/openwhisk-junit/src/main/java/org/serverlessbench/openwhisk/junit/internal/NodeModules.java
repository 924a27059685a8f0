package org.serverlessbench.openwhisk.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;

/**
 * The {@code node_modules} of a Node.js function folder whose {@code package.json} declares dependencies, as SeBS
 * builds them: {@code npm ci --omit=dev} with a lock file, {@code npm install --omit=dev} without one. They are
 * installed into {@code target/openwhisk-npm/<hash of package.json and lock file>}, so a later run with the same
 * files reuses them, and zipped with the function; for an image function they go into the image instead (see
 * {@link ImagePackager}).
 */
final class NodeModules {

    static final String CACHE = "target/openwhisk-npm";
    private static final String DONE_MARKER = ".installed";
    private static final long NPM_TIMEOUT_MINUTES = 10;

    private NodeModules() {
    }

    /** Adds the installed {@code node_modules} of {@code folder} to {@code files}, unless the folder has its own. */
    static void addTo(Path folder, SortedMap<String, byte[]> files, Path moduleDirectory) throws IOException {
        if (!needsInstall(folder)) {
            return;
        }
        Path installed = install(folder, moduleDirectory);
        for (Map.Entry<String, byte[]> entry : Archives.filesOf(installed).entrySet()) {
            if (included(entry.getKey())) {
                files.put("node_modules/" + entry.getKey(), entry.getValue());
            }
        }
    }

    /** Whether {@code folder} has a {@code package.json} with dependencies and no {@code node_modules} of its own. */
    static boolean needsInstall(Path folder) throws IOException {
        Path packageJson = folder.resolve("package.json");
        return Files.isRegularFile(packageJson) && !Files.isDirectory(folder.resolve("node_modules"))
                && hasDependencies(packageJson);
    }

    /** Whether a file of an installed {@code node_modules} (path relative to it) belongs in a package. */
    static boolean included(String relativePath) {
        return !relativePath.startsWith(".bin/") && !relativePath.equals(".package-lock.json");
    }

    /** A hash of what the installed dependencies of {@code folder} are made from: its package.json and lock file. */
    static String manifestHash(Path folder) throws IOException {
        Path lock = folder.resolve("package-lock.json");
        return hash(Files.readAllBytes(folder.resolve("package.json")),
                Files.isRegularFile(lock) ? Files.readAllBytes(lock) : new byte[0]);
    }

    /**
     * The {@code node_modules} directory with the dependencies of {@code folder} installed on this machine, installed
     * first unless an earlier run did (the cache is shared with code actions).
     */
    static Path install(Path folder, Path moduleDirectory) throws IOException {
        Path packageJson = folder.resolve("package.json");
        Path lock = folder.resolve("package-lock.json");
        boolean locked = Files.isRegularFile(lock);
        byte[] manifest = Files.readAllBytes(packageJson);
        byte[] lockContent = locked ? Files.readAllBytes(lock) : new byte[0];
        Path install = moduleDirectory.resolve(CACHE).resolve(hash(manifest, lockContent));
        Files.createDirectories(install);
        try (FileChannel channel = FileChannel.open(install.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            if (!Files.exists(install.resolve(DONE_MARKER))) {
                Files.write(install.resolve("package.json"), manifest);
                if (locked) {
                    Files.write(install.resolve("package-lock.json"), lockContent);
                }
                npm(install, locked ? List.of("npm", "ci", "--omit=dev", "--no-audit", "--no-fund")
                        : List.of("npm", "install", "--omit=dev", "--no-audit", "--no-fund", "--no-package-lock"),
                        folder);
                Files.writeString(install.resolve(DONE_MARKER), "installed for " + folder + "\n");
            }
        }
        return install.resolve("node_modules");
    }

    private static boolean hasDependencies(Path packageJson) throws IOException {
        JsonNode dependencies = new ObjectMapper().readTree(packageJson.toFile()).path("dependencies");
        return dependencies.isObject() && dependencies.size() > 0;
    }

    private static void npm(Path install, List<String> command, Path folder) throws IOException {
        Path log = install.resolve("npm.log");
        Process process = new ProcessBuilder(command).directory(install.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " for " + folder + " did not finish within "
                        + NPM_TIMEOUT_MINUTES + " minutes; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while installing the dependencies of " + folder, e);
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            throw new IOException(String.join(" ", command) + " for " + folder + " failed (exit "
                    + process.exitValue() + "): " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5),
                    lines.size())) + "; full log " + log);
        }
    }

    private static String hash(byte[] manifest, byte[] lock) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(manifest);
            digest.update((byte) 0);
            digest.update(lock);
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
