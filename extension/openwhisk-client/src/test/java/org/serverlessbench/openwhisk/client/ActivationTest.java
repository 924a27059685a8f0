package org.serverlessbench.openwhisk.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivationTest {

    private static Activation withAnnotations(List<KeyValue> annotations) {
        return new Activation("id", "guest", "hello", "0.0.1", "guest", 1, 2, 1,
                new ActivationResponse("success", true, Map.of()), null, annotations);
    }

    @Test
    void coldActivationHasInitTime() {
        Activation cold = withAnnotations(List.of(
                new KeyValue("limits", Map.of("concurrency", 1, "logs", 10, "memory", 512, "timeout", 60000)),
                new KeyValue("path", "guest/pkg/hello"),
                new KeyValue("kind", "python:3.11"),
                new KeyValue("timeout", false),
                new KeyValue("initTime", 412),
                new KeyValue("waitTime", 1503)));

        assertThat(cold.cold()).isTrue();
        assertThat(cold.initTime()).hasValue(412);
        assertThat(cold.waitTime()).hasValue(1503);
        assertThat(cold.timedOut()).isFalse();
        assertThat(cold.kind()).contains("python:3.11");
        assertThat(cold.memoryMb()).hasValue(512);
        assertThat(cold.path()).contains("guest/pkg/hello");
        assertThat(cold.success()).isTrue();
        assertThat(cold.logs()).isEmpty();
    }

    @Test
    void warmActivationHasNoInitTime() {
        Activation warm = withAnnotations(List.of(new KeyValue("waitTime", 3), new KeyValue("timeout", true)));

        assertThat(warm.cold()).isFalse();
        assertThat(warm.initTime()).isEmpty();
        assertThat(warm.timedOut()).isTrue();
        assertThat(warm.memoryMb()).isEmpty();
        assertThat(warm.kind()).isEmpty();
    }
}
