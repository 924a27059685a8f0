package org.serverlessbench.openwhisk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user's code compiles against when it depends on openwhisk-junit: JUnit's API and ours, not the platform
 * launcher (whatever runs the tests brings it, in the version that fits), not Gson or the Java action runtime (they
 * run in the action's JVM), and no server: the embedded OpenWhisk, Jetty, the Docker support and docker-java are there
 * at run time only, as are OkHttp and Jackson, which openwhisk-client uses inside. A user of openwhisk-storage
 * compiles against its API, not against the storage server (s3proxy, jclouds, the servlet API of s3proxy's Jetty),
 * and not against the AWS SDK clients its internals use: both are there at run time only.
 */
class CompileClasspathIT {

    @TempDir
    Path work;

    @Test
    void holdsTheApiButNeitherTheLauncherNorGson() throws IOException, InterruptedException {
        UserMaven maven = maven();
        Path probe = probe();
        Path list = work.resolve("compile-classpath.txt");

        UserMaven.Run run = maven.run("compile-classpath", probe, "org.apache.maven.plugins:maven-dependency-plugin:"
                + System.getProperty("it.dependency.plugin.version") + ":list",
                "-DincludeScope=compile", "-DoutputFile=" + list);

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(Files.readString(list, StandardCharsets.UTF_8))
                .contains("org.serverlessbench:openwhisk-junit:jar:", "org.junit.jupiter:junit-jupiter-api:jar:")
                .doesNotContain("junit-platform-launcher", "com.google.code.gson", "openwhisk-java-runtime");
    }

    @Test
    void holdsNoServerButHasItAtRunTime() throws IOException, InterruptedException {
        Classpaths paths = classpaths(probe());

        assertThat(paths.compile())
                .contains("org.serverlessbench:openwhisk-client:jar:")
                .doesNotContain("org.serverlessbench:openwhisk-embedded:", "org.serverlessbench:openwhisk-docker:",
                        "org.eclipse.jetty", "com.github.docker-java", "org.gaul", "s3proxy", "org.apache.jclouds",
                        "dynalite", "commons-statistics");
        assertThat(paths.runtime())
                .contains("org.serverlessbench:openwhisk-embedded:jar:", "org.serverlessbench:openwhisk-docker:jar:",
                        "org.eclipse.jetty:jetty-server:jar:", "com.github.docker-java:docker-java-core:jar:",
                        "org.apache.commons:commons-statistics-inference:jar:");
    }

    @Test
    void holdsNeitherOkHttpNorJacksonButHasThemAtRunTime() throws IOException, InterruptedException {
        Classpaths paths = classpaths(probe());

        assertThat(paths.compile())
                .contains("org.serverlessbench:openwhisk-client:jar:")
                .doesNotContain("com.squareup.okhttp3", "com.squareup.okio", "org.jetbrains.kotlin",
                        "com.fasterxml.jackson");
        assertThat(paths.runtime())
                .contains("com.squareup.okhttp3:okhttp-jvm:jar:", "com.squareup.okio:okio-jvm:jar:",
                        "com.fasterxml.jackson.core:jackson-databind:jar:");
    }

    @Test
    void holdsTheStorageApiButNotTheStorageServer() throws IOException, InterruptedException {
        Classpaths paths = classpaths(storageProbe());

        assertThat(paths.compile())
                .contains("org.serverlessbench:openwhisk-storage:jar:", "org.serverlessbench:openwhisk-junit:jar:")
                .doesNotContain("org.gaul", "s3proxy", "org.apache.jclouds", "org.eclipse.jetty", "com.google.guava",
                        "com.google.inject", "com.google.code.gson", "com.squareup.okhttp3", "com.fasterxml.jackson",
                        "software.amazon.awssdk");
        assertThat(paths.runtime())
                .contains("org.gaul:s3proxy:jar:", "org.apache.jclouds:jclouds-core:jar:",
                        "org.apache.jclouds:jclouds-blobstore:jar:", "org.apache.jclouds.api:filesystem:jar:",
                        "org.apache.jclouds.api:s3:jar:", "org.eclipse.jetty.toolchain:jetty-jakarta-servlet-api:jar:",
                        "com.google.guava:guava:jar:", "org.eclipse.jetty:jetty-server:jar:");
        assertThat(paths.runtime())
                .as("the Gson a storage user importing the BOM runs jclouds with: the build's, which jclouds needs")
                .contains("com.google.code.gson:gson:jar:" + System.getProperty("it.gson.version") + ":");
    }

    /** The AWS SDK clients are storage internals: run time only, with what they need (core, regions, auth, ...). */
    @Test
    void holdsNoAwsSdkButHasItAtRunTime() throws IOException, InterruptedException {
        Classpaths paths = classpaths(storageProbe());

        assertThat(paths.compileGroups())
                .as("the groups on a storage user's compile class path: our API and JUnit's, nothing else")
                .contains("org.serverlessbench", "org.junit.jupiter")
                .isSubsetOf("org.serverlessbench", "org.junit.jupiter", "org.junit.platform", "org.opentest4j",
                        "org.apiguardian");
        assertThat(paths.runtime())
                .contains("software.amazon.awssdk:s3:jar:", "software.amazon.awssdk:dynamodb:jar:",
                        "software.amazon.awssdk:url-connection-client:jar:", "software.amazon.awssdk:sdk-core:jar:",
                        "software.amazon.awssdk:aws-core:jar:", "software.amazon.awssdk:regions:jar:",
                        "software.amazon.awssdk:auth:jar:", "software.amazon.awssdk:http-client-spi:jar:");
    }

    /** An entry of the dependency plugin's list: {@code group:artifact:type:version:scope}, then its module. */
    private static final Pattern LISTED_ARTIFACT = Pattern.compile("\\s*([^\\s:]+):[^\\s:]+:[^\\s:]+:");

    /** The dependency plugin's lists of a project's compile and run-time class paths. */
    private record Classpaths(String compile, String runtime) {

        /** The group of each entry of the compile list. */
        Set<String> compileGroups() {
            return compile.lines().map(LISTED_ARTIFACT::matcher).filter(Matcher::lookingAt)
                    .map(matcher -> matcher.group(1)).collect(Collectors.toSet());
        }
    }

    private Classpaths classpaths(Path probe) throws IOException, InterruptedException {
        UserMaven maven = maven();
        Path compile = work.resolve("compile-classpath.txt");
        Path runtime = work.resolve("runtime-classpath.txt");
        String list = "org.apache.maven.plugins:maven-dependency-plugin:"
                + System.getProperty("it.dependency.plugin.version") + ":list";

        UserMaven.Run compileRun = maven.run("compile-classpath", probe, list, "-DincludeScope=compile",
                "-DoutputFile=" + compile);
        UserMaven.Run runtimeRun = maven.run("runtime-classpath", probe, list, "-DincludeScope=runtime",
                "-DoutputFile=" + runtime);

        assertThat(compileRun.exitCode()).as("%s", compileRun).isZero();
        assertThat(runtimeRun.exitCode()).as("%s", runtimeRun).isZero();
        return new Classpaths(Files.readString(compile, StandardCharsets.UTF_8),
                Files.readString(runtime, StandardCharsets.UTF_8));
    }

    private UserMaven maven() throws IOException {
        return UserMaven.create(Path.of(System.getProperty("it.maven.home")), work,
                Path.of(System.getProperty("it.repository")), Path.of(System.getProperty("it.user.repository")));
    }

    /** A project that depends on openwhisk-junit (scope compile), with the BOM imported. */
    private Path probe() throws IOException {
        return probe("");
    }

    /** A project that depends on openwhisk-junit and openwhisk-storage (scope compile), with the BOM imported. */
    private Path storageProbe() throws IOException {
        return probe("""
                    <dependency>
                      <groupId>org.serverlessbench</groupId>
                      <artifactId>openwhisk-storage</artifactId>
                    </dependency>
                """);
    }

    private Path probe(String moreDependencies) throws IOException {
        Path probe = Files.createDirectories(work.resolve("probe"));
        Files.writeString(probe.resolve("pom.xml"),
                probePom(System.getProperty("it.archetype.version"), moreDependencies), StandardCharsets.UTF_8);
        return probe;
    }

    private static String probePom(String version, String moreDependencies) {
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
                %s  </dependencies>
                </project>
                """.formatted(version, moreDependencies);
    }
}
