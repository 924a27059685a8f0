package org.serverlessbench.openwhisk.embedded.invoker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The bounded activation store. Records are kept as compact UTF-8 JSON so that memory stays flat over long runs; when
 * the capacity is reached, the record with the oldest {@code start} is dropped. Thread-safe.
 */
final class ActivationStore {
    private static final int SEQUENCE_BITS = 20;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private record Stored(String activationId, String namespace, String name, long start, long key, byte[] json) {
    }

    private final int capacity;
    private final Map<String, Stored> byId = new HashMap<>();
    /** Ordered by start, then by arrival; the key is {@code start << 20 | sequence}. */
    private final NavigableMap<Long, Stored> byStart = new TreeMap<>();
    private long sequence;

    ActivationStore(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Stores a record.
     *
     * @param name {@code action} or {@code pkg/action}, the value the {@code name} filter matches
     */
    void put(String namespace, String name, ObjectNode record) {
        String id = record.get("activationId").asText();
        long start = record.get("start").asLong();
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("activation " + id + " could not be serialised for the store", e);
        }
        synchronized (this) {
            long key = (start << SEQUENCE_BITS) | (sequence++ & SEQUENCE_MASK);
            while (byStart.containsKey(key)) {
                key = (start << SEQUENCE_BITS) | (sequence++ & SEQUENCE_MASK);
            }
            Stored stored = new Stored(id, namespace, name, start, key, json);
            Stored previous = byId.put(id, stored);
            if (previous != null) {
                byStart.remove(previous.key());
            }
            byStart.put(key, stored);
            while (byId.size() > capacity) {
                Stored oldest = byStart.pollFirstEntry().getValue();
                byId.remove(oldest.activationId());
            }
        }
    }

    Optional<ObjectNode> get(String namespace, String activationId) {
        Stored stored;
        synchronized (this) {
            stored = byId.get(activationId);
        }
        return stored == null || !stored.namespace().equals(namespace) ? Optional.empty() : Optional.of(parse(stored));
    }

    List<ObjectNode> list(String namespace, String name, Long sinceMs, Long uptoMs, int skip, int limit) {
        List<Stored> page = new ArrayList<>(Math.max(0, Math.min(limit, 256)));
        synchronized (this) {
            int skipped = 0;
            for (Stored stored : range(sinceMs, uptoMs).descendingMap().values()) {
                if (page.size() >= limit) {
                    break;
                }
                if (matches(stored, namespace, name)) {
                    if (skipped < skip) {
                        skipped++;
                    } else {
                        page.add(stored);
                    }
                }
            }
        }
        List<ObjectNode> records = new ArrayList<>(page.size());
        for (Stored stored : page) {
            records.add(parse(stored));
        }
        return records;
    }

    synchronized long count(String namespace, String name, Long sinceMs, Long uptoMs) {
        long count = 0;
        for (Stored stored : range(sinceMs, uptoMs).values()) {
            if (matches(stored, namespace, name)) {
                count++;
            }
        }
        return count;
    }

    synchronized int size() {
        return byId.size();
    }

    private NavigableMap<Long, Stored> range(Long sinceMs, Long uptoMs) {
        long maxStart = Long.MAX_VALUE >> SEQUENCE_BITS;
        if ((sinceMs != null && sinceMs > maxStart) || (uptoMs != null && uptoMs < 0)
                || (sinceMs != null && uptoMs != null && sinceMs > uptoMs)) {
            return new TreeMap<>();
        }
        long from = sinceMs == null || sinceMs <= 0 ? Long.MIN_VALUE : sinceMs << SEQUENCE_BITS;
        long to = uptoMs == null || uptoMs >= maxStart ? Long.MAX_VALUE : (uptoMs << SEQUENCE_BITS) | SEQUENCE_MASK;
        return byStart.subMap(from, true, to, true);
    }

    private static boolean matches(Stored stored, String namespace, String name) {
        return stored.namespace().equals(namespace) && (name == null || stored.name().equals(name));
    }

    private static ObjectNode parse(Stored stored) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(stored.json());
        } catch (IOException e) {
            throw new UncheckedIOException("stored activation " + stored.activationId() + " is not readable", e);
        }
    }
}
