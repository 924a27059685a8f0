package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.serverlessbench.openwhisk.junit.java17.Java17Echo;

/**
 * Kinds are checked against the target's {@code GET /api/v1} runtimes, and a Java function compiled for a newer Java
 * than its kind runs fails validation, saying how to compile it.
 */
class JavaReleaseTests {

    /** Where the test writes a jar compiled for Java 17; the fixture's {@code code} path names it. */
    private static final Path JAR = Path.of("target/java-release-tests/echo17.jar");

    /** No kind: java:default, which the target's GET /api/v1 resolves to java:8. */
    @OpenWhiskFunction(name = "java17-class", mainClass = Java17Echo.class)
    static class MainClassTestCases {

        @Test
        void invoke(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
        }
    }

    @OpenWhiskFunction(name = "java17-jar", kind = "java:8", code = "target/java-release-tests/echo17.jar",
            main = "echo17.Echo")
    static class JarTestCases {

        @Test
        void invoke(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
        }
    }

    @BeforeAll
    static void compileAJarForJava17(@TempDir Path sources) throws IOException {
        Path source = sources.resolve("echo17/Echo.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package echo17;\npublic final class Echo {\n"
                + "    public static String main(String args) { return args; }\n}\n");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int exit = compiler.run(null, null, null, "--release", "17", "-d", sources.toString(), source.toString());
        assertThat(exit).as("javac exit code").isZero();
        Files.createDirectories(JAR.getParent());
        try (OutputStream file = Files.newOutputStream(JAR); JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("echo17/Echo.class"));
            jar.write(Files.readAllBytes(sources.resolve("echo17/Echo.class")));
            jar.closeEntry();
        }
    }

    @Test
    void aMainClassCompiledForJava17IsRefusedForJava8() throws IOException {
        assertThat(majorVersion(Java17Echo.class)).as("class-file version of the fixture").isEqualTo(61);

        OpenWhiskTestKit.run(MainClassTestCases.class).results().containerEvents().assertThatEvents()
                .haveExactly(1, event(container(MainClassTestCases.class), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message(m -> m.contains(
                                "class org.serverlessbench.openwhisk.junit.java17.Java17Echo (in the package of"
                                        + " 'mainClass' org.serverlessbench.openwhisk.junit.java17.Java17Echo) is"
                                        + " compiled for Java 17 (class-file version 61), but kind java:8 runs at most"
                                        + " Java 8 (class-file version 52); compile the function for release 8")))));
    }

    @OpenWhiskFunction(name = "old-python", kind = "python:2.7", code = "src/test/functions/sebs-python")
    static class UnknownKindTestCases {

        @Test
        void invoke(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
        }
    }

    @Test
    void aKindTheTargetDoesNotListIsRefused() {
        OpenWhiskTestKit.run(UnknownKindTestCases.class).results().containerEvents().assertThatEvents()
                .haveExactly(1, event(container(UnknownKindTestCases.class), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message(m -> m.contains(
                                "the kind is \"python:2.7\", but the target offers only ")
                                && m.contains("python:3.11") && m.contains("(GET /api/v1 runtimes)")))));
    }

    @Test
    void aJarCompiledForJava17IsRefusedForJava8() {
        OpenWhiskTestKit.run(JarTestCases.class).results().containerEvents().assertThatEvents()
                .haveExactly(1, event(container(JarTestCases.class), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message(m -> m.contains(
                                "class echo17.Echo (in target/java-release-tests/echo17.jar) is compiled for Java 17"
                                        + " (class-file version 61), but kind java:8 runs at most Java 8")
                                && m.contains("javac --release 8")))));
    }

    private static int majorVersion(Class<?> type) throws IOException {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource); DataInputStream data = new DataInputStream(in)) {
            data.readInt();
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }

}
