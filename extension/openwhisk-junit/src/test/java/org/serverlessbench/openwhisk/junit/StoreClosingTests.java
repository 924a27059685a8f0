package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension's Store resources are closed also when JUnit closes only {@code CloseableResource}s
 * ({@code junit.jupiter.extensions.store.close.autocloseable.enabled=false}, and JUnit before 5.13).
 */
class StoreClosingTests {

    private static final String AUTO_CLOSE = "junit.jupiter.extensions.store.close.autocloseable.enabled";

    @RegisterExtension
    static final SharedOpenWhisk shared = new SharedOpenWhisk();

    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class EchoTestCases {

        @Test
        void invoke(LibraryTrigger trigger) {
            trigger.invoke().assertSuccess();
        }
    }

    @Test
    void actionsAreDeletedWithAutoCloseDisabled() {
        Map<String, String> configuration = new HashMap<>(shared.remoteTarget("owj-closeable-"));
        configuration.put(AUTO_CLOSE, "false");

        OpenWhiskTestKit.run(EchoTestCases.class, configuration).assertAllSucceeded();

        assertThat(shared.actionsStartingWith("owj-closeable-")).isEmpty();
    }

    @Test
    void theEmbeddedOpenWhiskStopsItsActionProcessesWithAutoCloseDisabled() {
        Set<Long> before = descendants();

        OpenWhiskTestKit.run(EchoTestCases.class, Map.of(AUTO_CLOSE, "false")).assertAllSucceeded();

        assertThat(descendants()).as("processes left by the run's embedded OpenWhisk").isSubsetOf(before);
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }
}
