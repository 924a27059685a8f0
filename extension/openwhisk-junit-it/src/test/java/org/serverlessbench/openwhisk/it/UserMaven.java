package org.serverlessbench.openwhisk.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Maven as a user of the published artifacts runs it: a local repository of its own, and a settings file whose only
 * repositories, before Maven Central, are the build's file repository of our artifacts and this machine's
 * {@code ~/.m2} read as a remote repository, so nothing is downloaded twice and nothing is written to {@code ~/.m2}.
 */
final class UserMaven {

    /** Far above the minute a run takes on a busy two-core machine. */
    private static final long TIMEOUT_MINUTES = 15;

    private final Path mavenHome;
    private final Path settings;
    private final Path localRepository;
    private final Path logs;

    private UserMaven(Path mavenHome, Path settings, Path localRepository, Path logs) {
        this.mavenHome = mavenHome;
        this.settings = settings;
        this.localRepository = localRepository;
        this.logs = logs;
    }

    /**
     * @param work         an empty folder for the settings, the local repository and the logs
     * @param ourArtifacts the file repository the build published our artifacts to
     * @param userArtifacts {@code ~/.m2/repository} of the running build
     */
    static UserMaven create(Path mavenHome, Path work, Path ourArtifacts, Path userArtifacts) throws IOException {
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, settingsXml(ourArtifacts, userArtifacts), StandardCharsets.UTF_8);
        Path logs = Files.createDirectories(work.resolve("logs"));
        return new UserMaven(mavenHome, settings, Files.createDirectories(work.resolve("repository")), logs);
    }

    Path localRepository() {
        return localRepository;
    }

    /** Runs {@code mvn -B <arguments>} in {@code directory}; the log is kept in {@code logs/<name>.log}. */
    Run run(String name, Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mavenHome.resolve("bin").resolve("mvn").toString(), "-B",
                "--no-transfer-progress", "-s", settings.toString(), "-Dmaven.repo.local=" + localRepository));
        command.addAll(List.of(arguments));
        Path log = logs.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT_MINUTES
                    + " minutes; its output so far is in " + log);
        }
        return new Run(String.join(" ", command), process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** A finished Maven run; {@code toString} gives the command and the end of its output, for failure messages. */
    record Run(String command, int exitCode, String output) {
        @Override
        public String toString() {
            String tail = output.length() > 6_000 ? output.substring(output.length() - 6_000) : output;
            return command + " exited with " + exitCode + "; the end of its output:" + System.lineSeparator() + tail;
        }
    }

    private static String settingsXml(Path ourArtifacts, Path userArtifacts) {
        String repositories = repository("openwhisk-junit-build", ourArtifacts)
                + repository("user-m2", userArtifacts);
        return """
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <profiles>
                    <profile>
                      <id>published-artifacts</id>
                      <repositories>
                %s      </repositories>
                      <pluginRepositories>
                %s      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>published-artifacts</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(repositories, repositories.replace("repository>", "pluginRepository>"));
    }

    private static String repository(String id, Path directory) {
        return """
                        <repository>
                          <id>%s</id>
                          <url>%s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></snapshots>
                        </repository>
                """.formatted(id, directory.toUri());
    }

    /** Whether {@code program} is an executable on the {@code PATH}. */
    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }
}
