package org.serverlessbench.openwhisk.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles one Java action class against Gson (from the test classpath) into a base64 jar. */
final class JavaJars {
    private JavaJars() {
    }

    static String base64Jar(String className, String source) {
        Path root = null;
        try {
            root = Files.createTempDirectory("java-action");
            Path sourceFile = root.resolve(className + ".java");
            Files.writeString(sourceFile, source);
            Path classes = Files.createDirectories(root.resolve("classes"));
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int exit = compiler.run(null, errors, errors, "--release", "8", "-nowarn", "-cp",
                    System.getProperty("java.class.path"), "-d", classes.toString(), sourceFile.toString());
            if (exit != 0) {
                throw new IllegalStateException("javac failed for " + className + ": " + errors);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream jar = new JarOutputStream(bytes); Stream<Path> files = Files.walk(classes)) {
                List<Path> classFiles = new ArrayList<>(files.filter(Files::isRegularFile).toList());
                for (Path file : classFiles) {
                    jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    jar.write(Files.readAllBytes(file));
                    jar.closeEntry();
                }
            }
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("building the jar of " + className + " failed", e);
        } finally {
            deleteRecursively(root);
        }
    }

    private static void deleteRecursively(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the build folder " + root, e);
        }
    }
}
