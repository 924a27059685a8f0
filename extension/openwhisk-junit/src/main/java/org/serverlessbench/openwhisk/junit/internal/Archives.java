package org.serverlessbench.openwhisk.junit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds zip and jar archives whose bytes depend only on the entries' names and contents (sorted entries, fixed
 * timestamps), so that the code hash of an unchanged function is the same in every run.
 */
final class Archives {

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final List<String> SKIPPED_FOLDERS = List.of(".git", "__pycache__", ".idea");

    private Archives() {
    }

    /** Every regular file under {@code folder}, keyed by its path relative to it with {@code /} separators. */
    static SortedMap<String, byte[]> filesOf(Path folder) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path relative = folder.relativize(path);
                if (!Files.isRegularFile(path) || isSkipped(relative)) {
                    continue;
                }
                files.put(relative.toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        }
        return files;
    }

    private static boolean isSkipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    static byte[] zip(SortedMap<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            write(zip, entries);
        }
        return bytes.toByteArray();
    }

    static byte[] jar(SortedMap<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            ZipEntry manifestEntry = new ZipEntry("META-INF/MANIFEST.MF");
            manifestEntry.setTimeLocal(FIXED_TIME);
            jar.putNextEntry(manifestEntry);
            manifest.write(jar);
            jar.closeEntry();
            write(jar, entries);
        }
        return bytes.toByteArray();
    }

    private static void write(ZipOutputStream out, SortedMap<String, byte[]> entries) throws IOException {
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            ZipEntry zipEntry = new ZipEntry(entry.getKey());
            zipEntry.setTimeLocal(FIXED_TIME);
            out.putNextEntry(zipEntry);
            ((OutputStream) out).write(entry.getValue());
            out.closeEntry();
        }
    }
}
