package org.serverlessbench.openwhisk.embedded.invoker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ActivationStoreTest {
    private static final long UNLIMITED_BYTES = Long.MAX_VALUE;

    private static ObjectNode record(String id, long start) {
        ObjectNode record = Json.NODES.objectNode();
        record.put("activationId", id);
        record.put("start", start);
        return record;
    }

    private static ObjectNode record(String id, long start, int logCharacters) {
        ObjectNode record = record(id, start);
        record.putArray("logs").add("x".repeat(logCharacters));
        return record;
    }

    private static List<String> ids(List<ObjectNode> records) {
        return records.stream().map(r -> r.get("activationId").asText()).toList();
    }

    @Test
    void evictsTheOldestBeyondCapacity() {
        ActivationStore store = new ActivationStore(3, UNLIMITED_BYTES);
        for (int i = 1; i <= 5; i++) {
            store.put("guest", "a", record("id" + i, 1000 + i));
        }

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.get("guest", "id1")).isEmpty();
        assertThat(store.get("guest", "id2")).isEmpty();
        assertThat(store.get("guest", "id5")).get().extracting(r -> r.get("start").asLong()).isEqualTo(1005L);
        assertThat(store.count("guest", null, null, null)).isEqualTo(3);
    }

    @Test
    void evictsTheOldestBeyondTheByteLimit() throws Exception {
        int recordBytes = Json.MAPPER.writeValueAsBytes(record("id1", 1001, 10_000)).length;
        ActivationStore store = new ActivationStore(100, 3L * recordBytes + recordBytes / 2);
        for (int i = 1; i <= 5; i++) {
            store.put("guest", "a", record("id" + i, 1000 + i, 10_000));
        }

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.bytes()).isEqualTo(3L * recordBytes);
        assertThat(ids(store.list("guest", null, null, null, 0, 30))).containsExactly("id5", "id4", "id3");
    }

    @Test
    void refusesARecordLargerThanTheByteLimitAndKeepsTheOthers() {
        ActivationStore store = new ActivationStore(100, 5_000);
        store.put("guest", "a", record("small", 1000, 100));

        assertThatThrownBy(() -> store.put("guest", "a", record("huge", 1001, 10_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("activation huge is")
                .hasMessageContaining("activationStoreMaxBytes");
        assertThat(ids(store.list("guest", null, null, null, 0, 30))).containsExactly("small");
    }

    @Test
    void listsNewestFirstByStartWithFilters() {
        ActivationStore store = new ActivationStore(100, UNLIMITED_BYTES);
        store.put("guest", "a", record("late", 3000));
        store.put("guest", "pkg/a", record("inPackage", 2500));
        store.put("guest", "a", record("early", 1000));
        store.put("guest", "a", record("middle", 2000));
        store.put("other", "a", record("foreign", 2200));

        assertThat(ids(store.list("guest", null, null, null, 0, 30)))
                .containsExactly("late", "inPackage", "middle", "early");
        assertThat(ids(store.list("guest", "a", null, null, 0, 30))).containsExactly("late", "middle", "early");
        assertThat(ids(store.list("guest", "pkg/a", null, null, 0, 30))).containsExactly("inPackage");
        assertThat(ids(store.list("guest", "a", 2000L, 3000L, 0, 30))).containsExactly("late", "middle");
        assertThat(ids(store.list("guest", "a", 1001L, 2999L, 0, 30))).containsExactly("middle");
        assertThat(ids(store.list("guest", null, null, null, 1, 2))).containsExactly("inPackage", "middle");
        assertThat(store.count("guest", "a", 2000L, null)).isEqualTo(2);
        assertThat(store.list("guest", null, 5000L, 1000L, 0, 30)).isEmpty();
        assertThat(store.get("guest", "foreign")).isEmpty();
        assertThat(store.get("other", "foreign")).isPresent();
    }

    @Test
    void keepsRecordsWithTheSameStart() {
        ActivationStore store = new ActivationStore(100, UNLIMITED_BYTES);
        store.put("guest", "a", record("one", 1000));
        store.put("guest", "a", record("two", 1000));

        assertThat(ids(store.list("guest", "a", 1000L, 1000L, 0, 30))).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void staysConsistentUnderConcurrentWriters() throws Exception {
        ActivationStore store = new ActivationStore(1000, UNLIMITED_BYTES);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        store.put("guest", "a", record(thread + "-" + i, i));
                        store.list("guest", "a", null, null, 0, 5);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(store.size()).isEqualTo(1000);
        assertThat(store.count("guest", "a", null, null)).isEqualTo(1000);
        assertThat(store.list("guest", "a", null, null, 0, 1).get(0).get("start").asLong()).isEqualTo(1999);
    }
}
