package org.serverlessbench.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.serverlessbench.openwhisk.junit.FunctionFileContributor;

/** Adds the files that {@link SharedFunctionFiles} names to the packages of the annotated class's functions. */
public final class SharedFunctionFilesContributor implements FunctionFileContributor {

    @Override
    public Map<String, byte[]> files(String functionName, String kind, ExtensionContext context) {
        String language = kind.contains(":") ? kind.substring(0, kind.indexOf(':')) : kind;
        Map<String, byte[]> files = new TreeMap<>();
        context.getTestClass()
                .flatMap(testClass -> AnnotationSupport.findAnnotation(testClass, SharedFunctionFiles.class))
                .ifPresent(shared -> {
                    for (String folder : shared.value()) {
                        addFiles(sharedFolder(folder).resolve(language), files);
                    }
                });
        return files;
    }

    private static Path sharedFolder(String name) {
        Path folder = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve(name);
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("@SharedFunctionFiles(\"" + name + "\"): " + folder + " is not a folder");
        }
        return folder;
    }

    private static void addFiles(Path folder, Map<String, byte[]> files) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put(folder.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the shared function files under " + folder + " could not be read", e);
        }
    }
}
