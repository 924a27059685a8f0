package org.serverlessbench.openwhisk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A benchmark project of one's own, as docs/getting-started.md makes it: {@code mvn archetype:generate} with our
 * coordinates, then {@code mvn test} in the new project, with the artifacts this build just packaged.
 */
class ArchetypeProjectIT {

    static final String GROUP_ID = "com.example";
    static final String ARTIFACT_ID = "my-benchmarks";

    @TempDir
    static Path work;

    private static UserMaven maven;
    private static Path project;

    @BeforeAll
    static void generateProject() throws IOException, InterruptedException {
        boolean ci = "true".equals(System.getenv("CI"));
        for (String program : new String[] {"node", "python3"}) {
            assumeTrue(ci || UserMaven.onPath(program), () -> "'" + program + "' is not on the PATH: the generated"
                    + " project's Node.js and Python functions need it; install it (see docs/getting-started.md) to"
                    + " run this test");
        }
        maven = UserMaven.create(Path.of(property("it.maven.home")), work, Path.of(property("it.repository")),
                Path.of(property("it.user.repository")));
        UserMaven.Run generate = maven.run("generate", work, "org.apache.maven.plugins:maven-archetype-plugin:"
                + property("it.archetype.plugin.version") + ":generate",
                "-DarchetypeGroupId=org.serverlessbench", "-DarchetypeArtifactId=openwhisk-junit-archetype",
                "-DarchetypeVersion=" + property("it.archetype.version"),
                "-DgroupId=" + GROUP_ID, "-DartifactId=" + ARTIFACT_ID,
                "-DinteractiveMode=false");
        assertThat(generate.exitCode()).as("%s", generate).isZero();
        project = work.resolve(ARTIFACT_ID);
    }

    @ParameterizedTest(name = "JUnit {0}")
    @ValueSource(strings = {"5.14.4", "6.1.3"})
    void runsItsBenchmarksOnTheEmbeddedOpenWhisk(String junitVersion) throws IOException, InterruptedException {
        deleteRecursively(project.resolve("target"));

        UserMaven.Run test = maven.run("test-junit-" + junitVersion, project, "test",
                "-Djunit.version=" + junitVersion);

        assertThat(test.exitCode()).as("%s", test).isZero();
        assertThat(test.output()).as("%s", test)
                .contains("Tests run: 23, Failures: 0, Errors: 0, Skipped: 0")
                .contains("OpenWhisk results:");
        assertThat(maven.localRepository().resolve("org/junit/jupiter/junit-jupiter-engine/" + junitVersion))
                .as("JUnit %s resolved through the BOM", junitVersion).isDirectory();
        Path csv = project.resolve("target/openwhisk-results/latest/results.csv");
        assertThat(project.resolve("target/openwhisk-results/latest/results.json")).isNotEmptyFile();
        assertThat(project.resolve("target/openwhisk-results/latest/report.html")).isNotEmptyFile();
        assertThat(Files.readString(csv, StandardCharsets.UTF_8))
                .contains(",hello-java,", ",hello-python,", ",hello-nodejs,");
    }

    @Test
    void gettingStartedShowsTheGeneratedPom() throws IOException {
        String page = Files.readString(Path.of(property("it.docs"), "getting-started.md"), StandardCharsets.UTF_8);
        String pom = Files.readString(project.resolve("pom.xml"), StandardCharsets.UTF_8);

        assertThat(page).as("docs/getting-started.md shows the pom that mvn archetype:generate writes (with"
                + " -DgroupId=%s -DartifactId=%s); copy %s into it", GROUP_ID, ARTIFACT_ID, project.resolve("pom.xml"))
                .contains("```xml\n" + pom.strip() + "\n```");
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s, which the module's pom passes to the failsafe plugin", name)
                .isNotBlank();
        return value;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
