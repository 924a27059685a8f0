package org.serverlessbench.openwhisk.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.testfunctions.JavaEcho;

class CodePackagerTests {

    private final CodePackager packager = new CodePackager(Path.of("").toAbsolutePath(), TestKinds.EMBEDDED);
    private final List<String> problems = new ArrayList<>();

    @OpenWhiskFunction(name = "node", code = "src/test/functions/echo-node")
    @OpenWhiskFunction(name = "python", code = "src/test/functions/sebs-python")
    @OpenWhiskFunction(name = "file", code = "src/test/functions/single-file.py")
    @OpenWhiskFunction(name = "java", mainClass = JavaEcho.class)
    @OpenWhiskFunction(name = "missing", code = "src/test/functions/does-not-exist")
    @OpenWhiskFunction(name = "both", code = "src/test/functions/echo-node", mainClass = JavaEcho.class)
    @OpenWhiskFunction(name = "none")
    @OpenWhiskFunction(name = "pom", code = "pom.xml")
    @OpenWhiskFunction(name = "javaFolder", code = "src/test/functions/echo-node", kind = "java:8")
    @OpenWhiskFunction(name = "badKind", code = "src/test/functions/echo-node", kind = "Node JS")
    private static final class Fixtures {
    }

    private static OpenWhiskFunction fixture(String name) {
        return AnnotatedFunctions.named(Fixtures.class, name);
    }

    @Test
    void nodeFolderBecomesZipWithEntriesAtItsRoot() throws IOException {
        CodePackage code = packager.pack(fixture("node"), problems).orElseThrow();

        assertThat(problems).isEmpty();
        assertThat(code.kind()).isEqualTo("nodejs:default");
        assertThat(code.binary()).isTrue();
        assertThat(code.main()).isNull();
        assertThat(entries(code)).containsExactly("index.js", "package.json");
    }

    @Test
    void pythonFolderBecomesZipWithMainModuleAtItsRoot() throws IOException {
        CodePackage code = packager.pack(fixture("python"), problems).orElseThrow();

        assertThat(code.kind()).isEqualTo("python:default");
        assertThat(entries(code)).containsExactly("__main__.py");
    }

    @Test
    void folderPackageGetsContributedFilesButKeepsItsOwn() throws IOException {
        List<String> asked = new ArrayList<>();
        CodePackager withHelpers = new CodePackager(Path.of("").toAbsolutePath(), TestKinds.EMBEDDED,
                (functionName, kind) -> {
                    asked.add(functionName + " " + kind);
                    return Map.of("storage.py", "helper".getBytes(StandardCharsets.UTF_8),
                            "__main__.py", "replaced".getBytes(StandardCharsets.UTF_8));
                });

        CodePackage code = withHelpers.pack(fixture("python"), problems).orElseThrow();

        assertThat(asked).containsExactly("python python:default");
        assertThat(entries(code)).containsExactly("__main__.py", "storage.py");
        assertThat(content(code, "storage.py")).isEqualTo("helper");
        assertThat(content(code, "__main__.py")).isEqualTo(Files.readString(
                Path.of("src/test/functions/sebs-python/__main__.py")));
    }

    @Test
    void singleSourceFileIsSentAsText() {
        CodePackage code = packager.pack(fixture("file"), problems).orElseThrow();

        assertThat(code.kind()).isEqualTo("python:default");
        assertThat(code.binary()).isFalse();
        assertThat(code.code()).contains("def main(args)");
    }

    @Test
    void mainClassBecomesJarOfItsPackageAndSubpackages() throws IOException {
        CodePackage code = packager.pack(fixture("java"), problems).orElseThrow();

        assertThat(code.kind()).isEqualTo("java:default");
        assertThat(code.main()).isEqualTo(JavaEcho.class.getName());
        assertThat(entries(code)).containsExactly("META-INF/MANIFEST.MF",
                "org/serverlessbench/openwhisk/junit/testfunctions/JavaEcho.class",
                "org/serverlessbench/openwhisk/junit/testfunctions/support/Greeting.class");
    }

    @Test
    void packingTwiceGivesTheSameBytes() {
        String first = packager.pack(fixture("node"), problems).orElseThrow().code();
        String second = packager.pack(fixture("node"), problems).orElseThrow().code();
        String firstJar = packager.pack(fixture("java"), problems).orElseThrow().code();
        String secondJar = packager.pack(fixture("java"), problems).orElseThrow().code();

        assertThat(second).isEqualTo(first);
        assertThat(secondJar).isEqualTo(firstJar);
    }

    @Test
    void missingCodeNamesTheAttributeThePathAndTheModuleDirectory() {
        Optional<CodePackage> code = packager.pack(fixture("missing"), problems);

        assertThat(code).isEmpty();
        assertThat(problems).singleElement().asString()
                .contains("attribute 'code'", "does-not-exist", "relative to the module directory");
    }

    @Test
    void codeAndMainClassTogetherAreRefused() {
        assertThat(packager.pack(fixture("both"), problems)).isEmpty();
        assertThat(problems).singleElement().asString().contains("'code' and 'mainClass' are both set");
    }

    @Test
    void neitherCodeNorMainClassIsRefused() {
        assertThat(packager.pack(fixture("none"), problems)).isEmpty();
        assertThat(problems).singleElement().asString().contains("'code'", "'mainClass' is required");
    }

    @Test
    void unknownFileTypeAsksForTheKind() {
        assertThat(packager.pack(fixture("pom"), problems)).isEmpty();
        assertThat(problems).singleElement().asString().contains("cannot be inferred", "set 'kind'", "nodejs:20");
    }

    @Test
    void javaCodeWithoutMainIsRefused() {
        assertThat(packager.pack(fixture("javaFolder"), problems)).isEmpty();
        assertThat(problems).singleElement().asString().contains("attribute 'main' is required for Java");
    }

    @Test
    void malformedKindIsRefused() {
        assertThat(packager.pack(fixture("badKind"), problems)).isEmpty();
        assertThat(problems).singleElement().asString().contains("attribute 'kind' is \"Node JS\"");
    }

    @Test
    void folderWithoutEntryFileSaysWhatWasLookedFor(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("helper.js"), "exports.x = 1;");

        assertThatThrownBy(() -> Kinds.ofFolder(folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("cannot be inferred", "package.json or index.js", "__main__.py");
    }

    private static String content(CodePackage code, String entry) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
                Base64.getDecoder().decode(code.code())))) {
            for (ZipEntry next = zip.getNextEntry(); next != null; next = zip.getNextEntry()) {
                if (next.getName().equals(entry)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(entry + " is not in the package");
    }

    private static List<String> entries(CodePackage code) throws IOException {
        List<String> names = new ArrayList<>();
        byte[] bytes = Base64.getDecoder().decode(code.code());
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
