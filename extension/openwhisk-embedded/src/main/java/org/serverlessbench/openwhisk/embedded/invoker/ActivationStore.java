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
 * either the record count or the records' serialized bytes exceed their cap, the records with the oldest
 * {@code start} are dropped. Thread-safe.
 */
final class ActivationStore {
    private static final int SEQUENCE_BITS = 20;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private record Stored(String activationId, String namespace, String name, long start, long key, byte[] json) {
    }

    private final int capacity;
    private final long maxBytes;
    private long bytes;
    private final Map<String, Stored> byId = new HashMap<>();
    /** Ordered by start, then by arrival; the key is {@code start << 20 | sequence}. */
    private final NavigableMap<Long, Stored> byStart = new TreeMap<>();
    private long sequence;

    /**
     * @param capacity records kept at most
     * @param maxBytes serialized bytes (compact UTF-8 JSON) of all records kept at most
     */
    ActivationStore(int capacity, long maxBytes) {
        if (capacity <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("the activation store needs a positive capacity and byte limit, got "
                    + capacity + " records and " + maxBytes + " bytes");
        }
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    /**
     * Stores a record, dropping the oldest ones until both caps hold.
     *
     * @param name {@code action} or {@code pkg/action}, the value the {@code name} filter matches
     * @throws IllegalArgumentException when the record alone is larger than the byte limit; it is not stored
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
        if (json.length > maxBytes) {
            throw new IllegalArgumentException("activation " + id + " is " + json.length + " bytes as JSON, more than"
                    + " the activation store's limit of " + maxBytes + " bytes, so it was not stored; raise"
                    + " activationStoreMaxBytes on EmbeddedOpenWhisk.Builder to keep such records");
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
                bytes -= previous.json().length;
            }
            byStart.put(key, stored);
            bytes += json.length;
            while (byId.size() > capacity || bytes > maxBytes) {
                Stored oldest = byStart.pollFirstEntry().getValue();
                byId.remove(oldest.activationId());
                bytes -= oldest.json().length;
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

    /** The serialized bytes of all records kept. */
    synchronized long bytes() {
        return bytes;
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
