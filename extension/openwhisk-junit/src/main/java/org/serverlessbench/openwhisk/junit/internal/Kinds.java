package org.serverlessbench.openwhisk.junit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runtime kinds as the code implies them ({@code <family>:default}, as {@code wsk} infers them from file names) and
 * the shape a kind must have. Which kinds exist and what an alias means is the target's to say: see
 * {@link RuntimeKinds}.
 */
final class Kinds {

    static final String NODEJS = "nodejs:default";
    static final String PYTHON = "python:default";
    static final String JAVA = "java:default";
    static final String EXAMPLES = "nodejs:20, python:3.11, java:8, or a <family>:default alias";

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9]*(:[a-z0-9.]+)?");

    private Kinds() {
    }

    static boolean wellFormed(String kind) {
        return SHAPE.matcher(kind).matches();
    }

    static boolean isJava(String kind) {
        return kind.startsWith("java");
    }

    /** The kind a single code file implies: {@code .js}, {@code .py}, {@code .jar}; empty for anything else. */
    static Optional<String> ofFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".js") || name.endsWith(".mjs") || name.endsWith(".cjs")) {
            return Optional.of(NODEJS);
        }
        if (name.endsWith(".py")) {
            return Optional.of(PYTHON);
        }
        if (name.endsWith(".jar")) {
            return Optional.of(JAVA);
        }
        return Optional.empty();
    }

    /**
     * The kind a code folder implies: {@code package.json} or {@code index.js} at its root for Node.js,
     * {@code __main__.py} for Python.
     *
     * @throws IllegalArgumentException when the folder fits both or neither, saying what was looked for
     */
    static String ofFolder(Path folder) {
        boolean node = Files.isRegularFile(folder.resolve("package.json"))
                || Files.isRegularFile(folder.resolve("index.js"));
        boolean python = Files.isRegularFile(folder.resolve("__main__.py"));
        if (node && python) {
            throw new IllegalArgumentException("the folder " + folder + " has both a Node.js entry (package.json or"
                    + " index.js) and a Python entry (__main__.py); set 'kind' to say which it is");
        }
        if (node) {
            return NODEJS;
        }
        if (python) {
            return PYTHON;
        }
        throw new IllegalArgumentException("the kind of the folder " + folder + " cannot be inferred: it needs"
                + " package.json or index.js (Node.js) or __main__.py (Python) at its root, or set 'kind' ("
                + EXAMPLES + ")");
    }
}
