package org.serverlessbench.openwhisk.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessbench.openwhisk.embedded.RestCalls.action;
import static org.serverlessbench.openwhisk.embedded.RestCalls.object;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Closing the server leaves no action process behind: not the warm ones, not the stem cells. */
class ProcessCleanupTest {

    @Test
    void closeKillsEveryProcessItStarted() throws Exception {
        Set<Long> before = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        List<Long> pids = new ArrayList<>();
        EmbeddedOpenWhisk openWhisk = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 1).start();
        try {
            RestCalls rest = new RestCalls(openWhisk.apiHost(), openWhisk.auth());
            rest.put("/api/v1/namespaces/_/actions/pid", action("nodejs:20",
                    "function main() { return {pid: process.pid}; }"));
            long actionPid = rest.post("/api/v1/namespaces/_/actions/pid?blocking=true&result=true", object())
                    .json().path("pid").asLong();
            assertThat(actionPid).isPositive();
            pids.add(actionPid);
            ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid()))
                    .forEach(p -> pids.add(p.pid()));
            assertThat(pids).isNotEmpty();
        } finally {
            openWhisk.close();
        }

        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                .orElse(false)).as("process %d alive after close", pid).isFalse());
        assertThat(ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid()))
                .filter(ProcessHandle::isAlive).map(ProcessHandle::info)).isEmpty();
    }
}
