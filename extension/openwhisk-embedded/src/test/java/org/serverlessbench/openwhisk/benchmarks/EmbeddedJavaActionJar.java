package org.serverlessbench.openwhisk.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles the no-op Java action ({@code JsonObject main(JsonObject)}) and packs it as a base64 jar. */
final class EmbeddedJavaActionJar {
    static final String MAIN_CLASS = "Noop";
    private static final String SOURCE = "import com.google.gson.JsonObject;\n"
            + "public class Noop {\n"
            + "    public static JsonObject main(JsonObject args) { return new JsonObject(); }\n"
            + "}\n";

    private EmbeddedJavaActionJar() {
    }

    /** Gson as the action's compile classpath; found through the class, since exec:java hides java.class.path. */
    private static String gsonJar() {
        try {
            return Path.of(com.google.gson.JsonObject.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the Gson jar for compiling the Java action", e);
        }
    }

    static String base64() {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this JVM; run the benchmark on a JDK");
        }
        Path directory = null;
        try {
            directory = Files.createTempDirectory("embedded-benchmark-java-");
            Path source = directory.resolve(MAIN_CLASS + ".java");
            Files.writeString(source, SOURCE);
            int exit = compiler.run(null, null, null, "--release", "8", "-nowarn",
                    "-cp", gsonJar(), "-d", directory.toString(), source.toString());
            if (exit != 0) {
                throw new IllegalStateException("javac failed (exit " + exit + ") for the no-op Java action");
            }
            ByteArrayOutputStream jar = new ByteArrayOutputStream();
            try (JarOutputStream out = new JarOutputStream(jar)) {
                out.putNextEntry(new JarEntry(MAIN_CLASS + ".class"));
                out.write(Files.readAllBytes(directory.resolve(MAIN_CLASS + ".class")));
                out.closeEntry();
            }
            return Base64.getEncoder().encodeToString(jar.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the no-op Java action jar", e);
        } finally {
            if (directory != null) {
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException ignored) {
                    // a temp directory left behind is harmless
                }
            }
        }
    }
}
