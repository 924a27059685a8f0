package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.embedded.runtime.ActionContainer;
import org.serverlessbench.openwhisk.embedded.runtime.LogLine;
import org.serverlessbench.openwhisk.embedded.runtime.RuntimeResponse;

@DockerTest
class DockerContainerFactoryTest {

    static final String NOOP_INIT = "{\"value\":{\"name\":\"noop\",\"main\":\"main\",\"binary\":false,\"code\":"
            + "\"function main(args) { console.log('hello ' + process.env.__OW_API_HOST); return {ok: true,"
            + " memory: process.env.OW_MEMORY_MB}; }\"}}";

    private final DockerEngine engine;

    DockerContainerFactoryTest(DockerEngine engine) {
        this.engine = engine;
    }

    @Test
    void runsANodejsActionInAContainerWithItsMemoryAndLabels() throws Exception {
        try (DockerContainerFactory factory = DockerContainerFactory.newBuilder().engine(engine).allKinds(true)
                .memoryCapacityMb(1024).build()) {
            ActionContainer container = factory.create("nodejs:20", 256, Map.of("__OW_API_HOST", "http://127.0.0.1:1"));
            String id = ((DockerActionContainer) container).containerId();
            InspectContainerResponse inspected = engine.client().inspectContainerCmd(id).exec();

            assertThat(inspected.getHostConfig().getMemory()).isEqualTo(256L * 1024 * 1024);
            assertThat(inspected.getHostConfig().getMemorySwap()).isEqualTo(256L * 1024 * 1024);
            assertThat(inspected.getHostConfig().getCpuShares()).isEqualTo(256);
            assertThat(inspected.getHostConfig().getNetworkMode()).isEqualTo("host");
            assertThat(inspected.getConfig().getLabels()).containsEntry(ImageLabels.RUN, factory.runId())
                    .containsEntry(ImageLabels.OWNER_PID, Long.toString(ProcessHandle.current().pid()));

            assertThat(container.init(NOOP_INIT, Duration.ofSeconds(30)).statusCode()).isEqualTo(200);
            RuntimeResponse run = container.run("{\"value\":{}}", Duration.ofSeconds(30));
            assertThat(run.statusCode()).isEqualTo(200);
            assertThat(run.body()).contains("\"ok\":true").contains("\"memory\":\"256\"");
            List<LogLine> logs = container.drainLogs(Duration.ofSeconds(10));
            assertThat(logs).extracting(LogLine::text).contains("hello http://127.0.0.1:1");

            container.close();
            assertThat(exists(id)).isFalse();
        }
    }

    @Test
    void pausesAnIdleWarmContainerAndUnpausesItForTheNextRun() throws Exception {
        try (DockerContainerFactory factory = DockerContainerFactory.newBuilder().engine(engine).allKinds(true)
                .pauseGrace(Duration.ofMillis(200)).build()) {
            DockerActionContainer container = (DockerActionContainer) factory.create("nodejs:20", 128, Map.of());
            container.init(NOOP_INIT, Duration.ofSeconds(30));
            container.run("{\"value\":{}}", Duration.ofSeconds(30));

            awaitTrue(container::paused, Duration.ofSeconds(30));
            assertThat(engine.client().inspectContainerCmd(container.containerId()).exec().getState().getPaused())
                    .isTrue();

            RuntimeResponse again = container.run("{\"value\":{}}", Duration.ofSeconds(30));
            assertThat(again.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void closingTheFactoryRemovesEveryContainerOfItsRun() throws Exception {
        List<String> ids = new ArrayList<>();
        try (DockerContainerFactory factory = DockerContainerFactory.newBuilder().engine(engine).allKinds(true)
                .build()) {
            for (String kind : List.of("python:3.11", "java:8")) {
                ids.add(((DockerActionContainer) factory.create(kind, 256, Map.of())).containerId());
            }
            assertThat(ids).allMatch(this::exists);
        }
        assertThat(ids).noneMatch(this::exists);
    }

    @Test
    void aNewFactorySweepsTheContainersOfAKilledJvm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WarmContainersMain.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> ids = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                ids.add(line.strip());
            }
        } finally {
            jvm.destroyForcibly();
            assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ids).hasSize(2).allMatch(this::exists);

        DockerContainerFactory.newBuilder().engine(engine).build().close();

        assertThat(ids).noneMatch(this::exists);
    }

    @Test
    void anOwnerIsAliveOnlyWithItsPidAndStartTime() {
        ProcessHandle self = ProcessHandle.current();
        String start = Long.toString(self.info().startInstant().orElseThrow().toEpochMilli());
        assertThat(DockerContainerFactory.ownerAlive(Long.toString(self.pid()), start)).isTrue();
        assertThat(DockerContainerFactory.ownerAlive(Long.toString(self.pid()), "1")).isFalse();
        assertThat(DockerContainerFactory.ownerAlive(null, start)).isFalse();
        assertThat(DockerContainerFactory.ownerAlive("not-a-pid", start)).isFalse();
    }

    private boolean exists(String containerId) {
        try {
            engine.client().inspectContainerCmd(containerId).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + timeout).isLessThan(deadline);
            LockSupport.parkNanos(10_000_000);
        }
    }

}
