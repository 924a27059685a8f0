package org.serverlessbench.openwhisk.junit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;

/**
 * Turns the {@code kind}, {@code code}, {@code mainClass} and {@code main} attributes into action code as OpenWhisk
 * expects it: a single {@code .js}/{@code .py} file as text; a folder as a zip with its entry file at the root; a
 * {@code .jar} or {@code .zip} as is; a {@code mainClass} as a jar built from its package. A folder's zip also
 * gets the files other modules contribute for it, unless the folder has a file of the same path.
 */
final class CodePackager {

    /** Files that other modules add to a folder function's package (see {@link FileContributors}). */
    interface ExtraFiles {
        Map<String, byte[]> files(String functionName, String kind);
    }

    private final Path moduleDirectory;
    private final RuntimeKinds kinds;
    private final ExtraFiles extraFiles;

    CodePackager(Path moduleDirectory, RuntimeKinds kinds) {
        this(moduleDirectory, kinds, (functionName, kind) -> Map.of());
    }

    CodePackager(Path moduleDirectory, RuntimeKinds kinds, ExtraFiles extraFiles) {
        this.moduleDirectory = moduleDirectory;
        this.kinds = kinds;
        this.extraFiles = extraFiles;
    }

    /** The package, or empty after adding what is wrong to {@code problems}. */
    Optional<CodePackage> pack(OpenWhiskFunction function, List<String> problems) {
        return pack(function, problems, true);
    }

    /**
     * The handler of an image function, as SeBS zips it: the code folder without the installed dependencies of its
     * package.json, which go into the image.
     */
    Optional<CodePackage> packHandler(OpenWhiskFunction function, List<String> problems) {
        return pack(function, problems, false);
    }

    private Optional<CodePackage> pack(OpenWhiskFunction function, List<String> problems, boolean dependencies) {
        String kind = function.kind().strip();
        if (!kind.isEmpty() && !Kinds.wellFormed(kind)) {
            problems.add("attribute 'kind' is \"" + kind + "\", but a kind looks like <family>:<version>, e.g. "
                    + Kinds.EXAMPLES);
            return Optional.empty();
        }
        boolean hasCode = !function.code().isBlank();
        boolean hasClass = function.mainClass() != void.class;
        if (hasCode && hasClass) {
            problems.add("attributes 'code' and 'mainClass' are both set; set only one of them");
            return Optional.empty();
        }
        if (!hasCode && !hasClass) {
            problems.add("attribute 'code' (a file or folder relative to " + moduleDirectory
                    + ") or, for Java, 'mainClass' is required");
            return Optional.empty();
        }
        try {
            Optional<CodePackage> code = hasClass ? fromClass(function, kind, problems)
                    : fromPath(function, kind, problems, dependencies);
            Optional<String> unknownKind = code.flatMap(found -> kinds.check(found.kind()));
            if (unknownKind.isPresent()) {
                problems.add(unknownKind.get());
                return Optional.empty();
            }
            return code;
        } catch (IOException e) {
            problems.add("the code could not be read: " + e);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<CodePackage> fromClass(OpenWhiskFunction function, String kind, List<String> problems)
            throws IOException {
        String effectiveKind = kind.isEmpty() ? Kinds.JAVA : kind;
        if (!Kinds.isJava(effectiveKind)) {
            problems.add("attribute 'mainClass' needs a Java kind (java:8 or java:default), but 'kind' is \""
                    + kind + "\"");
            return Optional.empty();
        }
        Class<?> mainClass = function.mainClass();
        String main = function.main().isBlank() ? mainClass.getName() : function.main().strip();
        SortedMap<String, byte[]> classes = ClassJar.classesOf(mainClass);
        Optional<String> tooNew = ClassFileVersions.check(classes, kinds.resolve(effectiveKind),
                "in the package of 'mainClass' " + mainClass.getName());
        if (tooNew.isPresent()) {
            problems.add(tooNew.get());
            return Optional.empty();
        }
        String code = Base64.getEncoder().encodeToString(Archives.jar(classes));
        return Optional.of(new CodePackage(effectiveKind, code, true, main,
                "jar of package " + mainClass.getPackageName()));
    }

    private Optional<CodePackage> fromPath(OpenWhiskFunction function, String kind, List<String> problems,
            boolean dependencies) throws IOException {
        Path path = moduleDirectory.resolve(function.code().strip()).normalize();
        if (!Files.exists(path)) {
            problems.add("attribute 'code' is \"" + function.code() + "\", but " + path + " does not exist (paths"
                    + " are relative to the module directory " + moduleDirectory + ")");
            return Optional.empty();
        }
        String main = function.main().strip();
        if (Files.isDirectory(path)) {
            String effectiveKind = kind.isEmpty() ? Kinds.ofFolder(path) : kind;
            SortedMap<String, byte[]> files = Archives.filesOf(path);
            extraFiles.files(function.name().strip(), effectiveKind).forEach(files::putIfAbsent);
            if (dependencies) {
                NodeModules.addTo(path, files, moduleDirectory);
            }
            byte[] zip = Archives.zip(files);
            return withMain(effectiveKind, Base64.getEncoder().encodeToString(zip), true, main,
                    "folder " + function.code(), problems);
        }
        String fileName = path.getFileName().toString().toLowerCase(Locale.ROOT);
        String effectiveKind = kind.isEmpty() ? Kinds.ofFile(path).orElse("") : kind;
        if (effectiveKind.isEmpty()) {
            problems.add("the kind of the file " + path + " cannot be inferred (only .js, .py and .jar are"
                    + " recognised); set 'kind' (" + Kinds.EXAMPLES + ")");
            return Optional.empty();
        }
        boolean binary = fileName.endsWith(".jar") || fileName.endsWith(".zip");
        byte[] bytes = Files.readAllBytes(path);
        if (fileName.endsWith(".jar") && Kinds.isJava(effectiveKind)) {
            Optional<String> tooNew = ClassFileVersions.check(ClassFileVersions.classesOfJar(bytes),
                    kinds.resolve(effectiveKind), "in " + function.code());
            if (tooNew.isPresent()) {
                problems.add(tooNew.get());
                return Optional.empty();
            }
        }
        String code = binary ? Base64.getEncoder().encodeToString(bytes) : new String(bytes, StandardCharsets.UTF_8);
        return withMain(effectiveKind, code, binary, main, "file " + function.code(), problems);
    }

    private static Optional<CodePackage> withMain(String kind, String code, boolean binary, String main,
            String source, List<String> problems) {
        if (Kinds.isJava(kind) && main.isEmpty()) {
            problems.add("attribute 'main' is required for Java code from " + source
                    + ": the fully qualified name of the class with the main method");
            return Optional.empty();
        }
        return Optional.of(new CodePackage(kind, code, binary, main.isEmpty() ? null : main, source));
    }
}
