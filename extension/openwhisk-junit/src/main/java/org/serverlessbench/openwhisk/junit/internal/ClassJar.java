package org.serverlessbench.openwhisk.junit.internal;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The jar of a Java action given by {@code mainClass}: every {@code .class} file of the class's package and its
 * subpackages, taken from the classpath entry (folder or jar) the class was loaded from.
 */
final class ClassJar {

    private ClassJar() {
    }

    /**
     * The class files of the jar, by their path in it.
     *
     * @throws IllegalArgumentException when the class cannot be an action's main class or its files cannot be found
     */
    static SortedMap<String, byte[]> classesOf(Class<?> mainClass) throws IOException {
        if (mainClass.getPackageName().isEmpty()) {
            throw new IllegalArgumentException("'mainClass' " + mainClass.getName() + " is in the unnamed package;"
                    + " put it in a package of its own, which is what goes into the action's jar");
        }
        if (!hasMainMethod(mainClass)) {
            throw new IllegalArgumentException("'mainClass' " + mainClass.getName() + " has no public static"
                    + " method main with one parameter (com.google.gson.JsonObject main(JsonObject args))");
        }
        Path location = locationOf(mainClass);
        String packagePath = mainClass.getPackageName().replace('.', '/') + "/";
        SortedMap<String, byte[]> classes = Files.isDirectory(location)
                ? fromFolder(location, packagePath)
                : fromJar(location, packagePath);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("no .class files of package " + mainClass.getPackageName()
                    + " found in " + location);
        }
        return classes;
    }

    private static boolean hasMainMethod(Class<?> type) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals("main") && Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == 1) {
                return true;
            }
        }
        return false;
    }

    private static Path locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalArgumentException("'mainClass' " + type.getName() + " was not loaded from a folder or"
                    + " jar on the classpath, so its package cannot be packed");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the classpath location " + source.getLocation() + " of "
                    + type.getName() + " is not a file path", e);
        }
    }

    private static SortedMap<String, byte[]> fromFolder(Path root, String packagePath) throws IOException {
        SortedMap<String, byte[]> classes = new TreeMap<>();
        Path packageFolder = root.resolve(packagePath);
        if (!Files.isDirectory(packageFolder)) {
            return classes;
        }
        Archives.filesOf(packageFolder).forEach((relative, bytes) -> {
            if (relative.endsWith(".class")) {
                classes.put(packagePath + relative, bytes);
            }
        });
        return classes;
    }

    private static SortedMap<String, byte[]> fromJar(Path jar, String packagePath) throws IOException {
        SortedMap<String, byte[]> classes = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(packagePath)
                        && entry.getName().endsWith(".class")) {
                    classes.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
                }
            }
        }
        return classes;
    }
}
