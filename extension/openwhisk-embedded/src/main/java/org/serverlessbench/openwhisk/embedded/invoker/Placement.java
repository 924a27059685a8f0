package org.serverlessbench.openwhisk.embedded.invoker;

import java.util.List;

/**
 * Where the pool put a job.
 *
 * @param job       the activation
 * @param container a warm container, a stem cell, or a new slot whose process the worker must start
 * @param start     whether {@code container} has no process yet (a cold start)
 * @param init      whether {@code /init} must be sent first (cold start or stem cell)
 * @param evicted   idle containers removed to make room, for the worker to kill first
 */
record Placement(ActivationJob job, PooledContainer container, boolean start, boolean init,
                 List<PooledContainer> evicted) {
}
