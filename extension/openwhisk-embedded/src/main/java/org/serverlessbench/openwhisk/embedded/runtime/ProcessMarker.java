package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The environment variable every runtime process is started with, {@code OPENWHISK_EMBEDDED_PROCESS=<run>/<container>}.
 * Children inherit it, so the processes of a container, or of a whole run, can be found in {@code /proc} even after
 * they double-forked away from their parent or the JVM that started them died.
 */
final class ProcessMarker {

    static final String VARIABLE = "OPENWHISK_EMBEDDED_PROCESS";
    private static final byte[] PREFIX = (VARIABLE + "=").getBytes(StandardCharsets.US_ASCII);
    private static final Path PROC = Path.of("/proc");

    /** A process found by its marker. */
    record Marked(long pid, String runId, String containerId) {
    }

    private ProcessMarker() {
    }

    static String value(String runId, String containerId) {
        return runId + "/" + containerId;
    }

    /** Running processes of this pid namespace whose marker passes {@code filter}; zombies have no environment. */
    static List<Marked> find(Predicate<Marked> filter) {
        List<Marked> found = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, ProcessMarker::isPid)) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == self) {
                    continue;
                }
                Marked marked = read(pid, process.resolve("environ"));
                if (marked != null && filter.test(marked)) {
                    found.add(marked);
                }
            }
        } catch (IOException | RuntimeException noProcFileSystem) {
            return found;
        }
        return found;
    }

    private static boolean isPid(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    private static Marked read(long pid, Path environ) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(environ);
        } catch (IOException | SecurityException goneOrForeign) {
            return null;
        }
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            if (startsWithPrefix(bytes, start, end)) {
                String value = new String(bytes, start + PREFIX.length, end - start - PREFIX.length,
                        StandardCharsets.UTF_8);
                int slash = value.indexOf('/');
                return slash < 0 ? null : new Marked(pid, value.substring(0, slash), value.substring(slash + 1));
            }
            start = end + 1;
        }
        return null;
    }

    private static boolean startsWithPrefix(byte[] bytes, int start, int end) {
        if (end - start < PREFIX.length) {
            return false;
        }
        for (int i = 0; i < PREFIX.length; i++) {
            if (bytes[start + i] != PREFIX[i]) {
                return false;
            }
        }
        return true;
    }
}
