package org.serverlessbench.openwhisk.embedded.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.json;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;

/** Checks every runtime kind must pass, whatever the language of the action that provokes them. */
final class ContainerChecks {

    private ContainerChecks() {
    }

    /** The action ends its process with exit code 3 when run. */
    static void assertRunReportsTheExitAsACrash(ActionContainer container, Duration timeout) {
        assertThatThrownBy(() -> container.run(run(Map.of()), timeout))
                .isInstanceOf(ContainerCrashedException.class)
                .hasMessageContaining(container.id())
                .hasMessageContaining("exited with code 3");
        assertThat(container.isAlive()).isFalse();
    }

    /** The action never returns; the run must end after {@code runTimeout} with the process killed. */
    static void assertTimedOutRunKillsTheProcess(ActionContainer container, Duration runTimeout) {
        long pid = ((ProcessContainer) container).process().pid();
        long started = System.nanoTime();
        assertThatThrownBy(() -> container.run(run(Map.of()), runTimeout))
                .isInstanceOf(ContainerTimeoutException.class)
                .hasMessageContaining("within " + runTimeout.toMillis() + " ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(container.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid).filter(ProcessTree::isRunning)).isEmpty();
        container.close();
    }

    /** The action starts a long-lived child process when run and answers its pid as {@code pid}. */
    static void assertCloseStopsTheProcessAndItsChild(ActionContainer container, Duration timeout) throws Exception {
        long proxyPid = ((ProcessContainer) container).process().pid();
        long childPid = json(container.run(run(Map.of()), timeout)).get("pid").asLong();
        assertThat(ProcessHandle.of(childPid).filter(ProcessTree::isRunning)).isPresent();

        container.close();
        container.close();

        assertThat(ProcessHandle.of(proxyPid).filter(ProcessTree::isRunning)).isEmpty();
        assertThat(ProcessHandle.of(childPid).filter(ProcessTree::isRunning)).isEmpty();
        assertThat(container.isAlive()).isFalse();
        assertThatThrownBy(() -> container.run(run(Map.of()), timeout)).isInstanceOf(ContainerCrashedException.class);
    }

    /**
     * The action starts a long-lived child process when run and answers its pid as {@code pid}. Closing the runtime's
     * stdin, as the death of the JVM that started it does, must end the runtime and the child within about a second.
     */
    static void assertEndsWithItsChildWhenStdinCloses(ActionContainer container, Duration timeout) throws Exception {
        Process process = ((ProcessContainer) container).process();
        long childPid = json(container.run(run(Map.of()), timeout)).get("pid").asLong();
        assertThat(ProcessHandle.of(childPid).filter(ProcessTree::isRunning)).isPresent();

        process.getOutputStream().close();

        Await.until(Duration.ofSeconds(10), "the runtime and its child ended after stdin closed",
                () -> !process.isAlive() && ProcessHandle.of(childPid).filter(ProcessTree::isRunning).isEmpty());
        container.close();
    }

    /** The action answers the {@code __OW_*} variables of the run as host, id, name and deadline. */
    static void assertSeesTheRunsOwVariables(JsonNode result) {
        assertThat(result.get("host").asText()).isEqualTo(RuntimeUnderTest.API_HOST);
        assertThat(result.get("id").asText()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(result.get("name").asText()).isEqualTo("/guest/test-action");
        assertThat(result.get("deadline").asText()).isEqualTo("1900000000000");
    }
}
