package org.serverlessbench.openwhisk.junit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.serverlessbench.openwhisk.client.Action;
import org.serverlessbench.openwhisk.client.ActionLimits;
import org.serverlessbench.openwhisk.client.ActionPut;
import org.serverlessbench.openwhisk.client.Exec;
import org.serverlessbench.openwhisk.client.KeyValue;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.client.OpenWhiskNotFoundException;
import org.serverlessbench.openwhisk.junit.DeployedFunction;
import org.serverlessbench.openwhisk.junit.FunctionUpdate;

/** One deployed function: deploys, updates, forces new revisions and deletes its action. Thread-safe. */
final class DeployedAction implements DeployedFunction {

    private final OpenWhiskClient client;
    private final TargetLimits limits;
    private final String actionName;
    private final AtomicLong revisions = new AtomicLong();
    private final ReentrantLock invocations = new ReentrantLock(true);
    private FunctionSpec spec;

    DeployedAction(OpenWhiskClient client, TargetLimits limits, String actionName, FunctionSpec spec) {
        this.client = client;
        this.limits = limits;
        this.actionName = actionName;
        this.spec = spec;
    }

    /**
     * Creates or overwrites the action, unless it already exists with the same code hash, limits and parameters.
     *
     * @return true when the action was written, false when an identical one was kept
     */
    synchronized boolean deploy() {
        Optional<Action> existing = client.findAction(actionName);
        if (existing.isPresent() && matches(existing.get(), spec)) {
            return false;
        }
        client.updateAction(actionName, put(spec, null));
        revisions.incrementAndGet();
        return true;
    }

    static boolean matches(Action action, FunctionSpec spec) {
        ActionLimits limits = action.limits();
        return spec.hash().equals(action.annotation(FunctionSpec.HASH_ANNOTATION).orElse(null))
                && limits != null
                && Objects.equals(limits.memory(), spec.memory())
                && Objects.equals(limits.timeout(), spec.timeout())
                && (limits.concurrency() == null ? 1 : limits.concurrency()) == spec.concurrency()
                && JsonCodec.write(asMap(action.parameters()))
                        .equals(JsonCodec.write(new TreeMap<>(spec.parameters())));
    }

    private static Map<String, Object> asMap(List<KeyValue> entries) {
        Map<String, Object> map = new TreeMap<>();
        entries.forEach(entry -> map.put(entry.key(), entry.value()));
        return map;
    }

    /** Overwrites the action with a new revision annotation, so that OpenWhisk starts a new container for it. */
    synchronized void newRevision() {
        client.updateAction(actionName, put(spec, UUID.randomUUID().toString()));
        revisions.incrementAndGet();
    }

    /** Deletes the action and creates it again. */
    synchronized void recreate() {
        delete();
        client.createAction(actionName, put(spec, UUID.randomUUID().toString()));
        revisions.incrementAndGet();
    }

    /**
     * How often this handle has changed the action; a change means a new revision, for which OpenWhisk starts new
     * (cold) containers.
     */
    long revision() {
        return revisions.get();
    }

    /**
     * Runs {@code calls} while no other {@code oneAtATime} block of this function runs: a warm test's invocations
     * must not overlap, or the second would need a second container, which starts cold.
     */
    <T> T oneAtATime(Supplier<T> calls) {
        invocations.lock();
        try {
            return calls.get();
        } finally {
            invocations.unlock();
        }
    }

    /** Deletes the action; an action that is already gone is fine. */
    void delete() {
        try {
            client.deleteAction(actionName);
        } catch (OpenWhiskNotFoundException e) {
            // already gone: nothing left to clean up
        }
    }

    synchronized FunctionSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return spec().name();
    }

    @Override
    public String actionName() {
        return actionName;
    }

    @Override
    public Action action() {
        return client.getAction(actionName, false);
    }

    @Override
    public synchronized DeployedFunction update(FunctionUpdate update) {
        Objects.requireNonNull(update, "update");
        List<String> problems = new ArrayList<>();
        if (update.memory() != null && limits.checkMemory(update.memory()) != null) {
            problems.add(limits.checkMemory(update.memory()));
        }
        if (update.timeout() != null && limits.checkTimeout(update.timeout()) != null) {
            problems.add(limits.checkTimeout(update.timeout()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("FunctionUpdate of function '" + spec.name() + "' (action "
                    + actionName + "): " + String.join("; ", problems).replace("attribute", "value"));
        }
        FunctionSpec updated = spec.with(update);
        client.updateAction(actionName, put(updated, null));
        revisions.incrementAndGet();
        spec = updated;
        return this;
    }

    private static ActionPut put(FunctionSpec spec, String revision) {
        CodePackage code = spec.code();
        return ActionPut.newBuilder()
                .exec(new Exec(code.kind(), code.code(), code.binary(), code.main(), code.image()))
                .limits(new ActionLimits(spec.timeout(), spec.memory(), null, spec.concurrency()))
                .parameters(keyValues(spec.parameters()))
                .annotations(keyValues(spec.actionAnnotations(revision)))
                .build();
    }

    private static List<KeyValue> keyValues(Map<String, Object> values) {
        List<KeyValue> entries = new ArrayList<>();
        values.forEach((key, value) -> entries.add(new KeyValue(key, value)));
        return entries;
    }

    @Override
    public String toString() {
        return "DeployedFunction[" + name() + " as " + actionName + "]";
    }
}
