package org.serverlessbench.openwhisk.embedded.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A container whose runtime announces its port learns it once: no call goes anywhere before, and the port cannot
 * change after (a second announcement would send {@code /run} to another socket than {@code /init}).
 */
class HttpActionContainerTest {

    @Test
    void aContainerLearnsItsAnnouncedPortOnceAndTakesNoCallBefore() {
        try (RuntimeHttp http = new RuntimeHttp()) {
            Announced container = new Announced(http);
            assertThat(container.port()).isEqualTo(-1);
            assertThatThrownBy(() -> container.init("{}", Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has not announced its port yet");

            container.listensOn(40_001);
            assertThat(container.port()).isEqualTo(40_001);
            assertThatThrownBy(() -> container.listensOn(40_002))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already listens on 127.0.0.1:40001");
            assertThat(container.port()).isEqualTo(40_001);
        }
    }

    @Test
    void aContainerGivenItsPortListensThereFromTheStart() {
        try (RuntimeHttp http = new RuntimeHttp()) {
            Announced container = new Announced(http, 40_003);
            assertThat(container.port()).isEqualTo(40_003);
            assertThatThrownBy(() -> container.listensOn(40_004)).isInstanceOf(IllegalStateException.class);
        }
    }

    private static final class Announced extends HttpActionContainer {
        Announced(RuntimeHttp http) {
            super("test-1", "nodejs:20", 128, http);
        }

        Announced(RuntimeHttp http, int port) {
            super("test-2", "nodejs:20", 128, http, port);
        }

        @Override
        protected void beforeCall(String path) {
        }

        @Override
        protected String describeFailure() {
            return "it is a test container";
        }

        @Override
        protected String removal() {
            return "nothing was removed";
        }

        @Override
        public List<LogLine> drainLogs(Duration timeout) {
            return List.of();
        }

        @Override
        public boolean memoryExhausted() {
            return false;
        }

        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
