package org.serverlessbench.openwhisk.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.client.Activation;
import org.serverlessbench.openwhisk.client.ActivationResponse;
import org.serverlessbench.openwhisk.client.KeyValue;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.TriggerType;

class ReportEntriesTests {

    private static Invocation invocation(String id, long clientUs, long durationMs, Long initMs, boolean success) {
        List<KeyValue> annotations = initMs == null
                ? List.of(new KeyValue("waitTime", 3))
                : List.of(new KeyValue("waitTime", 3), new KeyValue("initTime", initMs));
        Activation record = new Activation(id, "guest", "a", "0.0.1", "guest", 0, durationMs, durationMs,
                new ActivationResponse(success ? "success" : "application error", success, Map.of()), List.of(),
                annotations);
        return new DefaultInvocation(new ClientCall("f", "p-f", TriggerType.LIBRARY, Instant.EPOCH, clientUs, id, null,
                success ? 200 : 502, null), CompletableFuture.completedFuture(record), Duration.ofSeconds(1),
                activationId -> List.of());
    }

    @Test
    void nothingForNoInvocation() {
        assertThat(ReportEntries.of(List.of())).isEmpty();
    }

    @Test
    void oneInvocationGivesItsValues() {
        assertThat(ReportEntries.of(List.of(invocation("id1", 900, 5, 2L, true)))).containsExactly(
                Map.entry("openwhisk.function", "f"),
                Map.entry("openwhisk.activationId", "id1"),
                Map.entry("openwhisk.cold", "true"),
                Map.entry("openwhisk.status", "success"),
                Map.entry("openwhisk.clientTimeUs", "900"),
                Map.entry("openwhisk.providerExecutionUs", "5000"),
                Map.entry("openwhisk.providerInitUs", "2000"),
                Map.entry("openwhisk.providerWaitUs", "3000"));
    }

    @Test
    void warmInvocationHasNoInitTime() {
        assertThat(ReportEntries.of(List.of(invocation("id1", 900, 5, null, true))))
                .doesNotContainKey("openwhisk.providerInitUs").containsEntry("openwhisk.cold", "false");
    }

    @Test
    void severalInvocationsGiveCountsAndPercentiles() {
        Map<String, String> entries = ReportEntries.of(List.of(
                invocation("1", 100, 1, 7L, true), invocation("2", 300, 3, null, true),
                invocation("3", 200, 2, null, false), invocation("4", 400, 4, null, true)));

        assertThat(entries).containsEntry("openwhisk.count", "4").containsEntry("openwhisk.coldCount", "1")
                .containsEntry("openwhisk.failedCount", "1")
                .containsEntry("openwhisk.clientTimeUs.p50", "200")
                .containsEntry("openwhisk.clientTimeUs.p95", "400")
                .containsEntry("openwhisk.clientTimeUs.max", "400")
                .containsEntry("openwhisk.providerExecutionUs.p50", "2000")
                .containsEntry("openwhisk.providerInitUs.max", "7000")
                .doesNotContainKey("openwhisk.activationId");
    }
}
