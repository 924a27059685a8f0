package org.serverlessbench.openwhisk.embedded.runtime;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java action sources against Gson and packs them into a base64 jar, as a user's build would. */
final class JavaActionJars {

    private JavaActionJars() {
    }

    /** @param sources class name (such as {@code demo.Hello}) to source text */
    static String build(Map<String, String> sources) {
        Path root = null;
        try {
            root = Files.createTempDirectory("java-action-");
            Path src = root.resolve("src");
            Path classes = root.resolve("classes");
            List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", gsonJar()));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("Test action sources do not compile: " + sources.keySet());
            }
            return Base64.getEncoder().encodeToString(jar(classes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            WorkDirectories.deleteQuietly(root);
        }
    }

    private static byte[] jar(Path classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String gsonJar() {
        try {
            return Path.of(JsonObject.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
