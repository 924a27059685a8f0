package org.serverlessbench.openwhisk.client;

/**
 * What {@code GET /namespaces/{ns}/limits} reports. A null field means the server did not send it.
 * Memory in megabytes, timeouts in milliseconds, logs in megabytes.
 */
public record NamespaceLimits(Integer invocationsPerMinute, Integer concurrentInvocations, Integer firesPerMinute,
        Integer minActionMemory, Integer maxActionMemory, Integer minActionTimeout, Integer maxActionTimeout,
        Integer minActionLogs, Integer maxActionLogs, Integer minActionConcurrency, Integer maxActionConcurrency) {
}
