package org.serverlessbench.openwhisk.embedded.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.serverlessbench.openwhisk.embedded.EmbeddedOpenWhisk;

class RuntimePriorityTest {

    @TempDir
    Path temp;

    @Test
    void startsRuntimesAtTheNicenessAndTheirOwnSessionsGroupAtItToo() throws Exception {
        String ownGroup = autogroup(ProcessHandle.current().pid());
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp, System.getenv("PATH"), true, 7)) {
            long pid = ((ProcessContainer) factory.create("nodejs:20", 128, Map.of())).process().pid();

            assertThat(niceness(pid)).isEqualTo(7);
            assumeThat(Files.exists(Path.of("/proc/self/autogroup")))
                    .as("the kernel schedules sessions as groups (autogroup)").isTrue();
            assertThat(RuntimePriority.leadsOwnSession(pid)).isTrue();
            assertThat(autogroup(pid)).endsWith(" nice 7");
            assertThat(autogroup(ProcessHandle.current().pid())).as("the JVM's own group").isEqualTo(ownGroup);
        }
    }

    @Test
    void leavesRuntimesAtTheJvmsPriorityByDefault() throws Exception {
        try (ProcessContainerFactory factory = new ProcessContainerFactory(temp)) {
            long pid = ((ProcessContainer) factory.create("nodejs:20", 128, Map.of())).process().pid();

            assertThat(niceness(pid)).isEqualTo(niceness(ProcessHandle.current().pid()));
        }
    }

    @Test
    void refusesANicenessOutsideZeroToNineteen() {
        assertThatThrownBy(() -> new RuntimePriority(-1, System.getenv("PATH")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("runtime niceness must be 0 to 19");
        assertThatThrownBy(() -> new RuntimePriority(20, System.getenv("PATH")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 20");
    }

    @Test
    void theEmbeddedBuilderTakesANicenessForItsOwnFactoryOnly() {
        assertThatThrownBy(() -> EmbeddedOpenWhisk.newBuilder().runtimeNiceness(20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("runtimeNiceness must be 0..19 (0 is the JVM's priority), got 20");
        try (ProcessContainerFactory own = new ProcessContainerFactory(temp)) {
            assertThatThrownBy(() -> EmbeddedOpenWhisk.newBuilder().containerFactory(own).runtimeNiceness(5).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("give it to the factory passed to containerFactory");
        }
    }

    @Test
    void runsTheCommandUnderNice() {
        assertThat(new RuntimePriority(5, System.getenv("PATH")).wrap(List.of("node", "proxy.js")))
                .endsWith("-n", "5", "node", "proxy.js")
                .first().asString().endsWith("/nice");
        assertThat(new RuntimePriority(0, System.getenv("PATH")).wrap(List.of("node")))
                .containsExactly("node");
    }

    /** Field 19 of {@code /proc/<pid>/stat}. */
    private static int niceness(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }

    private static String autogroup(long pid) throws IOException {
        Path file = Path.of("/proc", Long.toString(pid), "autogroup");
        return Files.exists(file) ? Files.readString(file).strip() : "";
    }
}
