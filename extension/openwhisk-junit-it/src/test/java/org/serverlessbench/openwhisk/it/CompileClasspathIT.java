package org.serverlessbench.openwhisk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user's code compiles against when it depends on openwhisk-junit: JUnit's API and ours, not the platform
 * launcher (whatever runs the tests brings it, in the version that fits) and not Gson or the Java action runtime (they
 * run in the action's JVM).
 */
class CompileClasspathIT {

    @TempDir
    Path work;

    @Test
    void holdsTheApiButNeitherTheLauncherNorGson() throws IOException, InterruptedException {
        UserMaven maven = UserMaven.create(Path.of(System.getProperty("it.maven.home")), work,
                Path.of(System.getProperty("it.repository")), Path.of(System.getProperty("it.user.repository")));
        Path probe = Files.createDirectories(work.resolve("probe"));
        Files.writeString(probe.resolve("pom.xml"), probePom(System.getProperty("it.archetype.version")),
                StandardCharsets.UTF_8);
        Path list = work.resolve("compile-classpath.txt");

        UserMaven.Run run = maven.run("compile-classpath", probe, "org.apache.maven.plugins:maven-dependency-plugin:"
                + System.getProperty("it.dependency.plugin.version") + ":list",
                "-DincludeScope=compile", "-DoutputFile=" + list);

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(Files.readString(list, StandardCharsets.UTF_8))
                .contains("org.serverlessbench:openwhisk-junit:jar:", "org.junit.jupiter:junit-jupiter-api:jar:")
                .doesNotContain("junit-platform-launcher", "com.google.code.gson", "openwhisk-java-runtime");
    }

    private static String probePom(String version) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>compile-classpath-probe</artifactId>
                  <version>1</version>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>org.serverlessbench</groupId>
                        <artifactId>openwhisk-junit-bom</artifactId>
                        <version>%s</version>
                        <type>pom</type>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                    <dependency>
                      <groupId>org.serverlessbench</groupId>
                      <artifactId>openwhisk-junit</artifactId>
                    </dependency>
                  </dependencies>
                </project>
                """.formatted(version);
    }
}
