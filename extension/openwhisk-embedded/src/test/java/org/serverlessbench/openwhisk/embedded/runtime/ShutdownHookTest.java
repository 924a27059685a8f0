package org.serverlessbench.openwhisk.embedded.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShutdownHookTest {

    @Test
    void killsTheRuntimeProcessesWhenTheJvmExitsWithoutClosingTheFactory() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AbandonedFactoryMain.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jvm.exitValue()).isZero();
        assertThat(lines).hasSize(2);

        long runtimePid = Long.parseLong(lines.get(0));
        assertThat(ProcessHandle.of(runtimePid).filter(ProcessTree::isRunning)).isEmpty();
        assertThat(new File(lines.get(1))).doesNotExist();
    }
}
