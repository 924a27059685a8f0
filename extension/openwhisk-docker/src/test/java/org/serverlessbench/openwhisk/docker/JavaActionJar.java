package org.serverlessbench.openwhisk.docker;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/** One Java action class compiled against the test JVM's Gson, as a user's build would, into a base64 jar. */
final class JavaActionJar {

    private JavaActionJar() {
    }

    static String build(String className, String source, Path work) throws IOException, URISyntaxException {
        Path file = work.resolve("src").resolve(className.replace('.', '/') + ".java");
        Path classes = work.resolve("classes");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        String gson = Path.of(JsonObject.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> arguments = List.of("--release", "8", "-d", classes.toString(), "-cp", gson, file.toString());
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("Test action " + className + " does not compile");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes); Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(path));
                jar.closeEntry();
            }
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
