package org.serverlessbench.openwhisk.junit.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks that the classes of a Java action can run on its kind: a {@code java:8} runtime rejects class files newer
 * than Java 8 (version 52) at /init, which the embedded OpenWhisk, running on a newer JVM, would not show.
 */
final class ClassFileVersions {

    private static final int MAGIC = 0xCAFEBABE;
    /** Class-file major version of Java {@code n} is {@code n + 44} (Java 8: 52, Java 17: 61). */
    private static final int JAVA_VERSION_OFFSET = 44;

    private ClassFileVersions() {
    }

    /**
     * What is wrong when a class in {@code classes} is newer than {@code javaKind} runs, naming the class, its
     * version, the kind's maximum and how to compile for it; empty when all fit or the kind names no version.
     *
     * @param classes   class-file entries by path in the jar
     * @param javaKind  {@code java:<version>}, already resolved from any {@code :default} alias
     * @param origin    where the classes come from, for the message
     */
    static Optional<String> check(SortedMap<String, byte[]> classes, String javaKind, String origin) {
        Optional<Integer> maxJava = javaVersionOf(javaKind);
        if (maxJava.isEmpty()) {
            return Optional.empty();
        }
        int maxMajor = maxJava.get() + JAVA_VERSION_OFFSET;
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            int major = majorVersion(entry.getValue());
            if (major > maxMajor) {
                String className = entry.getKey().replace('/', '.').replaceAll("\\.class$", "");
                return Optional.of("class " + className + " (" + origin + ") is compiled for Java "
                        + (major - JAVA_VERSION_OFFSET) + " (class-file version " + major + "), but kind " + javaKind
                        + " runs at most Java " + maxJava.get() + " (class-file version " + maxMajor + "); compile"
                        + " the function for release " + maxJava.get() + " (javac --release " + maxJava.get()
                        + ", or a maven-compiler-plugin execution with <release>" + maxJava.get() + "</release> for"
                        + " the function's package, as in docs/annotations.md)");
            }
        }
        return Optional.empty();
    }

    /** The class-file entries of a jar. */
    static SortedMap<String, byte[]> classesOfJar(byte[] jar) throws IOException {
        SortedMap<String, byte[]> classes = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory() && entry.getName().endsWith(".class")) {
                    classes.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return classes;
    }

    private static Optional<Integer> javaVersionOf(String javaKind) {
        String version = javaKind.substring(javaKind.indexOf(':') + 1);
        return version.matches("\\d+") ? Optional.of(Integer.parseInt(version)) : Optional.empty();
    }

    /** The major version of a class file; 0 for bytes that are not one, which then pass. */
    private static int majorVersion(byte[] classFile) {
        if (classFile.length < 8) {
            return 0;
        }
        int magic = ((classFile[0] & 0xff) << 24) | ((classFile[1] & 0xff) << 16) | ((classFile[2] & 0xff) << 8)
                | (classFile[3] & 0xff);
        return magic == MAGIC ? ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff) : 0;
    }
}
