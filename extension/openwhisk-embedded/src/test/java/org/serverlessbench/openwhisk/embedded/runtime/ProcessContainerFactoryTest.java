package org.serverlessbench.openwhisk.embedded.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.init;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.json;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessContainerFactoryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @Test
    void knowsThreeKindsAndExplainsTheOthers() {
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp)) {
            assertThat(factory.kinds()).containsExactly("nodejs:20", "python:3.11", "java:8");
            assertThat(factory.unavailableReason("nodejs:20")).isEmpty();
            assertThat(factory.unavailableReason("python:3.11")).isEmpty();
            assertThat(factory.unavailableReason("java:8")).isEmpty();
            assertThat(factory.unavailableReason("python:3")).isEmpty();
            assertThat(factory.unavailableReason("nodejs:default")).isEmpty();
            assertThat(factory.unavailableReason("blackbox")).get().asString()
                    .contains("kind 'blackbox'").contains("Docker");
            assertThat(factory.unavailableReason("php:8.1")).get().asString()
                    .contains("kind 'php:8.1'").contains("nodejs:20, python:3.11, java:8");
            assertThatThrownBy(() -> factory.create("blackbox", 256, Map.of()))
                    .isInstanceOf(ContainerStartException.class)
                    .hasMessageContaining("Cannot start a blackbox container");
        }
    }

    @Test
    void namesTheMissingProgram() throws Exception {
        Path emptyBin = Files.createDirectory(temp.resolve("empty-bin"));
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp, emptyBin.toString())) {
            assertThat(factory.unavailableReason("nodejs:20"))
                    .hasValue("program 'node' was not found on the PATH; install Node.js 20 to run nodejs actions");
            assertThat(factory.unavailableReason("python:3.11")).get().asString()
                    .startsWith("program 'python3' was not found on the PATH");
            assertThat(factory.unavailableReason("java:8")).isEmpty();
            assertThatThrownBy(() -> factory.create("nodejs:20", 256, Map.of()))
                    .isInstanceOf(ContainerStartException.class)
                    .hasMessage("Cannot start a nodejs:20 container: program 'node' was not found on the PATH;"
                            + " install Node.js 20 to run nodejs actions");
        }
    }

    @Test
    void reportsAProgramThatDiesAtStartWithWhatItPrinted() throws Exception {
        Path bin = binWithFakeNode("#!/bin/sh\necho 'this node is broken' >&2\nexit 7\n");
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp, bin.toString())) {
            assertThatThrownBy(() -> factory.create("nodejs:20", 256, Map.of()))
                    .isInstanceOf(ContainerStartException.class)
                    .hasMessageContaining("nodejs-1 exited with code 7 before it listened on a port")
                    .hasMessageContaining("stderr: this node is broken");
        }
    }

    @Test
    void stopsWaitingForAProcessThatNeverListensWhenInterrupted() throws Exception {
        Path bin = binWithFakeNode("#!/bin/sh\nexec sleep 60\n");
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp, bin.toString())) {
            java.util.concurrent.CompletableFuture<Throwable> failure = new java.util.concurrent.CompletableFuture<>();
            Thread starter = new Thread(() -> {
                try {
                    factory.create("nodejs:20", 128, Map.of()).close();
                    failure.complete(null);
                } catch (ContainerStartException e) {
                    failure.complete(e);
                }
            });
            starter.start();
            List<ProcessHandle> sleepers = new ArrayList<>();
            Await.until(TIMEOUT, "the fake node started", () -> {
                sleepers.addAll(ProcessHandle.current().descendants()
                        .filter(p -> p.info().command().map(c -> c.endsWith("sleep")).orElse(false)).toList());
                return !sleepers.isEmpty();
            });
            starter.interrupt();
            assertThat(failure.get(5, java.util.concurrent.TimeUnit.SECONDS))
                    .isInstanceOf(ContainerStartException.class)
                    .hasMessageContaining("Interrupted while waiting for the nodejs:20 runtime process nodejs-1");
            assertThat(sleepers).isNotEmpty().noneMatch(ProcessTree::isRunning);
        }
    }

    @Test
    void refusesANonPositiveTimeout() throws Exception {
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp);
                ActionContainer container = factory.create("python:3.11", 128, Map.of())) {
            assertThatThrownBy(() -> container.run(run(Map.of()), Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be positive");
        }
    }

    @Test
    void refusesANonPositiveMemoryLimit() {
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp)) {
            assertThatThrownBy(() -> factory.create("nodejs:20", 0, Map.of()))
                    .isInstanceOf(ContainerStartException.class)
                    .hasMessageContaining("0 MB");
        }
    }

    @Test
    void resolvesAliasesToTheCanonicalKind() throws Exception {
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp);
                ActionContainer container = factory.create("python:3", 128, Map.of())) {
            assertThat(container.kind()).isEqualTo("python:3.11");
            assertThat(container.memoryMb()).isEqualTo(128);
        }
    }

    @Test
    void drainingWithoutAnActivationReturnsAfterTheTimeout() throws Exception {
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp);
                ActionContainer container = factory.create("nodejs:20", 128, Map.of())) {
            long started = System.nanoTime();
            assertThat(container.drainLogs(Duration.ofMillis(100))).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(90),
                    Duration.ofSeconds(2));
        }
    }

    @Test
    void startsContainersConcurrently() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp)) {
            List<Future<ActionContainer>> starts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String kind = i % 2 == 0 ? "nodejs:20" : "python:3.11";
                starts.add(threads.submit(() -> factory.create(kind, 128, Map.of())));
            }
            List<ActionContainer> containers = new ArrayList<>();
            for (Future<ActionContainer> start : starts) {
                containers.add(start.get());
            }
            assertThat(containers).extracting(ActionContainer::id).doesNotHaveDuplicates().hasSize(6);
            for (ActionContainer container : containers) {
                String code = container.kind().startsWith("nodejs")
                        ? "function main(a) { return {id: a.id}; }"
                        : "def main(a):\n    return {'id': a['id']}\n";
                assertThat(container.init(init(code, "main"), TIMEOUT).statusCode()).isEqualTo(200);
                assertThat(json(container.run(run(Map.of("id", container.id())), TIMEOUT)).get("id").asText())
                        .isEqualTo(container.id());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void closeKillsEveryContainerRemovesTheHookAndDeletesTheWorkDirectory() throws Exception {
        ProcessContainerFactory factory = new ProcessContainerFactory(temp);
        List<ProcessHandle> processes = new ArrayList<>();
        List<ActionContainer> containers = new ArrayList<>();
        for (String kind : factory.kinds()) {
            ActionContainer container = factory.create(kind, 128, Map.of());
            containers.add(container);
            processes.add(((ProcessContainer) container).process().toHandle());
        }
        Path workDirectory = factory.workDirectory();
        assertThat(workDirectory).isDirectory().startsWith(temp);

        factory.close();
        factory.close();

        assertThat(processes).noneMatch(ProcessTree::isRunning);
        assertThat(containers).noneMatch(ActionContainer::isAlive);
        assertThat(workDirectory).doesNotExist();
        assertThat(Runtime.getRuntime().removeShutdownHook(factory.shutdownHook())).isFalse();
        assertThatThrownBy(() -> factory.create("nodejs:20", 128, Map.of()))
                .isInstanceOf(ContainerStartException.class)
                .hasMessageContaining("closed");
    }

    /** A PATH folder whose only program is a {@code node} running {@code script}. */
    private Path binWithFakeNode(String script) throws IOException {
        Path bin = Files.createDirectory(temp.resolve("bin"));
        Path node = bin.resolve("node");
        Files.writeString(node, script);
        Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
