package org.serverlessbench.openwhisk.junit.internal;

/**
 * The memory and timeout ranges an action may have on the target, from {@code GET /namespaces/_/limits}; where the
 * target does not report a bound, OpenWhisk's defaults (128–512 MB, 100–300000 ms).
 */
record TargetLimits(int minMemory, int maxMemory, int minTimeout, int maxTimeout) {

    static final TargetLimits OPENWHISK_DEFAULTS = new TargetLimits(128, 512, 100, 300_000);

    static TargetLimits of(Integer minMemory, Integer maxMemory, Integer minTimeout, Integer maxTimeout) {
        return new TargetLimits(
                minMemory == null ? OPENWHISK_DEFAULTS.minMemory : minMemory,
                maxMemory == null ? OPENWHISK_DEFAULTS.maxMemory : maxMemory,
                minTimeout == null ? OPENWHISK_DEFAULTS.minTimeout : minTimeout,
                maxTimeout == null ? OPENWHISK_DEFAULTS.maxTimeout : maxTimeout);
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
