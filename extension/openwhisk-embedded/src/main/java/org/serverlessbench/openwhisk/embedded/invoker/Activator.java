package org.serverlessbench.openwhisk.embedded.invoker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the controller needs from the invoker: run activations and find their records again.
 *
 * <p>Records are OpenWhisk's API view ({@code WhiskActivation.toExtendedJson}): {@code response} carries
 * {@code status}, {@code success} and {@code result}, no {@code statusCode}.
 */
public interface Activator extends AutoCloseable {

    /**
     * Queues the activation and completes with its stored record when it has ended, whatever its status. Never
     * completes exceptionally for action failures; those are records with status {@code action developer error} or
     * {@code whisk internal error}.
     */
    CompletableFuture<ObjectNode> activate(ActivationRequest request);

    /**
     * Like {@link #activate(ActivationRequest)}, but when a warm container of the action's revision is idle the
     * activation is handed to {@code warmRunner} (typically the caller's own thread, later) instead of a worker
     * thread, which saves a thread hand-off on the warm path. Cold starts and queued activations still use workers.
     */
    default CompletableFuture<ObjectNode> activate(ActivationRequest request,
            java.util.concurrent.Executor warmRunner) {
        return activate(request);
    }

    /** The stored record, if it is (still) in the bounded store. */
    Optional<ObjectNode> activation(String namespace, String activationId);

    /**
     * Records of {@code namespace}, newest first ({@code start} descending).
     *
     * @param name     {@code action} or {@code pkg/action}, or {@code null} for all
     * @param sinceMs  inclusive lower bound on {@code start}, or {@code null}
     * @param uptoMs   inclusive upper bound on {@code start}, or {@code null}
     */
    List<ObjectNode> activations(String namespace, String name, Long sinceMs, Long uptoMs, int skip, int limit);

    /** How many records {@link #activations} would match without skip and limit. */
    long countActivations(String namespace, String name, Long sinceMs, Long uptoMs);

    /** Kinds whose runtime can start here, and the reason for each that cannot. */
    ContainerFactoryInfo runtimes();

    /** Why actions of {@code kind} cannot run here, or empty when they can. */
    Optional<String> unavailableReason(String kind);

    /**
     * Stores a record the controller made itself (a sequence's or a trigger's), so that the activations API finds it.
     *
     * @param name {@code action} or {@code pkg/action}: what the activation list's {@code name} filter matches
     */
    void store(String name, ObjectNode record);

    /** Stops accepting work and kills every container. */
    @Override
    void close();

    /** The kinds and their availability, for {@code GET /api/v1}. */
    record ContainerFactoryInfo(List<String> available, java.util.Map<String, String> unavailable) {
    }
}
