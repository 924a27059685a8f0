package org.serverlessbench.openwhisk.embedded.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.init;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.json;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory limit holds for a container's whole process tree, and every process of it is found and killed. */
class ContainerCgroupTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String BUFFERS = "function main() { const keep = [];"
            + " for (let i = 0; i < 12; i++) keep.push(Buffer.alloc(100 * 1024 * 1024, 1));"
            + " return {kept: keep.length}; }";
    /** {@code sh} starts {@code sleep} in the background and exits: the sleep is re-parented, out of the tree. */
    private static final String DOUBLE_FORK = "const { execSync } = require('child_process');"
            + " function main() { const pid = Number(String(execSync('setsid sleep 600 > /dev/null 2>&1 & echo $!',"
            + " {shell: '/bin/sh'})).trim()); return {pid}; }";

    @TempDir
    Path temp;

    @Test
    void killsANodeProcessWhoseBuffersExceedItsLimitAndRemovesTheCgroup() throws Exception {
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp)) {
            CgroupRequirement.assumeCgroups(factory);
            ProcessContainer container = (ProcessContainer) factory.create("nodejs:20", 128, Map.of());
            ContainerCgroup cgroup = container.cgroup();
            assertThat(container.init(init(BUFFERS, "main"), TIMEOUT).statusCode()).isEqualTo(200);

            assertThatThrownBy(() -> container.run(run(Map.of()), TIMEOUT))
                    .isInstanceOf(ContainerCrashedException.class)
                    .hasMessageContaining("exited with code 137");

            assertThat(container.memoryExhausted()).isTrue();
            if (!cgroup.v2()) {
                assertThat(Files.readString(cgroup.memory().resolve("memory.oom_control"))).contains("oom_kill 1");
            }
            container.close();
            assertThat(cgroup.memory()).doesNotExist();
        }
    }

    @Test
    void listsADoubleForkedGrandchildInTheCgroupAndKillsIt() throws Exception {
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp)) {
            CgroupRequirement.assumeCgroups(factory);
            ProcessContainer container = (ProcessContainer) factory.create("nodejs:20", 256, Map.of());
            ContainerCgroup cgroup = container.cgroup();
            assertThat(container.init(init(DOUBLE_FORK, "main"), TIMEOUT).statusCode()).isEqualTo(200);
            long grandchild = json(container.run(run(Map.of()), TIMEOUT)).get("pid").asLong();

            assertThat(ProcessHandle.current().descendants().map(ProcessHandle::pid)).doesNotContain(grandchild);
            assertThat(cgroup.pids()).contains(container.process().pid(), grandchild);

            container.close();

            assertThat(ProcessHandle.of(grandchild).filter(ProcessTree::isRunning)).isEmpty();
            assertThat(cgroup.memory()).doesNotExist();
        }
    }

    @Test
    void withoutCgroupsFindsADoubleForkedGrandchildByItsMarkerAndKillsIt() throws Exception {
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp, System.getenv("PATH"), false)) {
            ProcessContainer container = (ProcessContainer) factory.create("nodejs:20", 256, Map.of());
            assertThat(container.cgroup()).isNull();
            assertThat(container.init(init(DOUBLE_FORK, "main"), TIMEOUT).statusCode()).isEqualTo(200);
            long grandchild = json(container.run(run(Map.of()), TIMEOUT)).get("pid").asLong();
            assertThat(ProcessHandle.current().descendants().map(ProcessHandle::pid)).doesNotContain(grandchild);
            assertThat(ProcessMarker.find(marked -> marked.pid() == grandchild)).singleElement()
                    .extracting(ProcessMarker.Marked::runId).isEqualTo(factory.runId());

            container.close();

            assertThat(ProcessHandle.of(grandchild).filter(ProcessTree::isRunning)).isEmpty();
        }
    }
}
