package org.serverlessbench.openwhisk.junit.internal;

/**
 * The memory, timeout and concurrency ranges an action may have on the target, from {@code GET /namespaces/_/limits};
 * where the target does not report a bound, OpenWhisk's defaults (128–512 MB, 100–300000 ms, concurrency 1).
 */
record TargetLimits(int minMemory, int maxMemory, int minTimeout, int maxTimeout, int minConcurrency,
        int maxConcurrency) {

    static final TargetLimits OPENWHISK_DEFAULTS = new TargetLimits(128, 512, 100, 300_000, 1, 1);

    static TargetLimits of(Integer minMemory, Integer maxMemory, Integer minTimeout, Integer maxTimeout,
            Integer minConcurrency, Integer maxConcurrency) {
        return new TargetLimits(
                minMemory == null ? OPENWHISK_DEFAULTS.minMemory : minMemory,
                maxMemory == null ? OPENWHISK_DEFAULTS.maxMemory : maxMemory,
                minTimeout == null ? OPENWHISK_DEFAULTS.minTimeout : minTimeout,
                maxTimeout == null ? OPENWHISK_DEFAULTS.maxTimeout : maxTimeout,
                minConcurrency == null ? OPENWHISK_DEFAULTS.minConcurrency : minConcurrency,
                maxConcurrency == null ? OPENWHISK_DEFAULTS.maxConcurrency : maxConcurrency);
    }

    /** What is wrong with {@code concurrency}, or null. */
    String checkConcurrency(int concurrency) {
        if (concurrency < minConcurrency || concurrency > maxConcurrency) {
            return "attribute 'concurrency' is " + concurrency + ", but the target allows " + minConcurrency + " to "
                    + maxConcurrency + " (GET /namespaces/_/limits)";
        }
        return null;
    }

    /** What is wrong with {@code memory}, or null. */
    String checkMemory(int memory) {
        if (memory < minMemory || memory > maxMemory) {
            return "attribute 'memory' is " + memory + " MB, but the target allows " + minMemory + " to " + maxMemory
                    + " MB (GET /namespaces/_/limits)";
        }
        return null;
    }

    /** What is wrong with {@code timeout}, or null. */
    String checkTimeout(int timeout) {
        if (timeout < minTimeout || timeout > maxTimeout) {
            return "attribute 'timeout' is " + timeout + " ms, but the target allows " + minTimeout + " to "
                    + maxTimeout + " ms (GET /namespaces/_/limits)";
        }
        return null;
    }
}
