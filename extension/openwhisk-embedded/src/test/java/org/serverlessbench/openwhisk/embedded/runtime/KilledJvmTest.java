package org.serverlessbench.openwhisk.embedded.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing of a run outlives its JVM, however the JVM died: kill -9 leaves no process, cgroup or work directory. */
class KilledJvmTest {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    /** Each runtime notices within a second; the reaper then sweeps: about 10x what it takes. */
    private static final Duration CLEANUP = Duration.ofSeconds(2);

    @TempDir
    Path temp;

    private Process jvm;

    /** What the child JVM printed. */
    private record Started(String ownerId, List<Long> pids, Long reaperPid) {
    }

    @AfterEach
    void killTheChild() {
        if (jvm != null) {
            jvm.destroyForcibly();
        }
    }

    @Test
    void killingTheJvmEndsEveryProcessOfTheRunAndRemovesItsWorkDirectory() throws Exception {
        Started started = start("server");
        assertThat(started.pids()).hasSize(4).allMatch(KilledJvmTest::running);
        assertThat(workDirectories()).hasSize(1);

        jvm.destroyForcibly();

        Await.until(CLEANUP, "no process of " + started.ownerId() + " alive and its work directory gone",
                () -> started.pids().stream().noneMatch(KilledJvmTest::running) && processesOf(started).isEmpty()
                        && workDirectories().isEmpty());
        assertThat(cgroupRunDirectories(started.ownerId())).isEmpty();
    }

    @Test
    void aNewFactorySweepsWhatADeadRunLeftWhenItsReaperDiedToo() throws Exception {
        Started started = start("factory");
        assertThat(started.reaperPid()).isNotNull();
        long grandchild = started.pids().get(1);
        ProcessHandle.of(started.reaperPid()).ifPresent(ProcessHandle::destroyForcibly);
        Await.until(CLEANUP, "the reaper ended", () -> !running(started.reaperPid()));
        jvm.destroyForcibly();
        assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Await.until(CLEANUP, "the node runtime ended with its JVM", () -> !running(started.pids().get(0)));
        assertThat(running(grandchild)).as("the setsid grandchild outlives its dead run").isTrue();
        List<Path> left = workDirectories();
        assertThat(left).hasSize(1);

        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp)) {
            assertThat(running(grandchild)).isFalse();
            assertThat(processesOf(started)).isEmpty();
            assertThat(left.get(0)).doesNotExist();
            assertThat(workDirectories()).hasSize(1);
            assertThat(cgroupRunDirectories(started.ownerId())).isEmpty();
        }
    }

    private Started start(String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KilledJvmMain.class.getName(),
                mode, temp.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        String ownerId = null;
        Long reaper = null;
        List<Long> pids = new ArrayList<>();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        for (String line = out.readLine(); line != null && !line.equals("ready"); line = out.readLine()) {
            assertThat(System.nanoTime()).as("child JVM ready within %s", STARTUP).isLessThan(deadline);
            String[] parts = line.split(" ", 2);
            switch (parts[0]) {
                case "owner" -> ownerId = parts[1];
                case "pid" -> pids.add(Long.parseLong(parts[1]));
                case "reaper" -> reaper = Long.parseLong(parts[1]);
                default -> throw new AssertionError("unexpected output of the child JVM: " + line);
            }
        }
        assertThat(jvm.isAlive()).as("the child JVM got ready").isTrue();
        return new Started(ownerId, pids, reaper);
    }

    private static boolean running(long pid) {
        return ProcessHandle.of(pid).filter(ProcessTree::isRunning).isPresent();
    }

    private static List<ProcessMarker.Marked> processesOf(Started started) {
        return ProcessMarker.find(marked -> marked.runId().startsWith(started.ownerId() + "-"));
    }

    private List<Path> workDirectories() {
        try (Stream<Path> children = Files.list(temp)) {
            return children.filter(path -> path.getFileName().toString().startsWith("openwhisk-runtimes-")).toList();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + temp, e);
        }
    }

    /** The cgroups of the runs of {@code ownerId} in the hierarchies this JVM is in. */
    private static List<Path> cgroupRunDirectories(String ownerId) {
        List<Path> parents = new ArrayList<>();
        CgroupMounts.ownV1("memory").ifPresent(own -> parents.add(own.resolve(Cgroups.PARENT)));
        CgroupMounts.ownV1("freezer").ifPresent(own -> parents.add(own.resolve(Cgroups.PARENT)));
        CgroupMounts.ownV2().ifPresent(own -> parents.add(own.resolve(Cgroups.PARENT)));
        List<Path> runs = new ArrayList<>();
        for (Path parent : parents) {
            try (Stream<Path> children = Files.list(parent)) {
                children.filter(run -> run.getFileName().toString().startsWith(ownerId + "-")).forEach(runs::add);
            } catch (IOException noRuns) {
                // no run was ever made there
            }
        }
        return runs;
    }
}
