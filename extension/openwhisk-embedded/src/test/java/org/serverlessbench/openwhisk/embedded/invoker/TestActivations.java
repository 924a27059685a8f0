package org.serverlessbench.openwhisk.embedded.invoker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Builds action revisions and activation requests the way the controller does, and reads records back. */
final class TestActivations {
    private static final AtomicLong REVISIONS = new AtomicLong();

    private TestActivations() {
    }

    static ActionRevision nodeAction(String name, String code) {
        return action(name, "nodejs:20", code, 256, 60_000, 10);
    }

    static ActionRevision action(String name, String kind, String code, int memoryMb, int timeoutMs, int logsMb) {
        return new ActionRevision("guest", null, name, "0.0.1", REVISIONS.incrementAndGet(), kind, code, false,
                "main", null, memoryMb, timeoutMs, logsMb, 1, Json.NODES.arrayNode(), Json.NODES.arrayNode());
    }

    /** {@code action} with {@code limits.concurrency} set, as a new revision. */
    static ActionRevision concurrent(ActionRevision action, int concurrency) {
        return new ActionRevision(action.namespace(), action.packageName(), action.name(), action.version(),
                REVISIONS.incrementAndGet(), action.kind(), action.code(), action.binary(), action.main(),
                action.image(), action.memoryMb(), action.timeoutMs(), action.logsMb(), concurrency,
                action.parameters(), action.annotations());
    }

    /** The same action after a PUT: a new revision and version. */
    static ActionRevision updated(ActionRevision action, String code) {
        return new ActionRevision(action.namespace(), action.packageName(), action.name(), "0.0.2",
                REVISIONS.incrementAndGet(), action.kind(), code, action.binary(), action.main(), action.image(),
                action.memoryMb(), action.timeoutMs(), action.logsMb(), action.concurrency(), action.parameters(),
                action.annotations());
    }

    static ActivationRequest request(ActionRevision action) {
        return request(action, Json.NODES.objectNode(), null);
    }

    static ActivationRequest request(ActionRevision action, JsonNode payload, String apiKey) {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        String activationId = HexFormat.of().formatHex(id);
        return new ActivationRequest(activationId, action, payload, "guest", apiKey, "tx-" + activationId,
                System.currentTimeMillis(), System.nanoTime());
    }

    static ObjectNode await(CompletableFuture<ObjectNode> future) throws Exception {
        return future.get(60, TimeUnit.SECONDS);
    }

    static ObjectNode activate(Activator invoker, ActionRevision action) throws Exception {
        return await(invoker.activate(request(action)));
    }

    /** The activation of {@code action} with {@code payload}, once it has ended. */
    static ObjectNode activate(Activator invoker, ActionRevision action, JsonNode payload) throws Exception {
        return await(invoker.activate(request(action, payload, null)));
    }

    static Optional<JsonNode> annotation(ObjectNode record, String key) {
        for (JsonNode annotation : record.get("annotations")) {
            if (annotation.get("key").asText().equals(key)) {
                return Optional.of(annotation.get("value"));
            }
        }
        return Optional.empty();
    }

    static boolean cold(ObjectNode record) {
        return annotation(record, "initTime").isPresent();
    }

    static String status(ObjectNode record) {
        return record.get("response").get("status").asText();
    }

    /** The error message of the record's result. */
    static String error(ObjectNode record) {
        return record.get("response").get("result").get("error").asText();
    }

    static long pid(ObjectNode record) {
        return record.get("response").get("result").get("pid").asLong();
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static void awaitCondition(Duration timeout, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
