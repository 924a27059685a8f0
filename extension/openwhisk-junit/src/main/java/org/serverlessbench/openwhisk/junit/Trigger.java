package org.serverlessbench.openwhisk.junit;

import java.util.Map;

/**
 * Invokes one deployed function and records the invocation for the test's report entries and results files.
 * A failed activation is returned as an {@link Invocation}, not thrown. Safe to use from several threads.
 */
public interface Trigger {

    /** Invokes the function with {@code parameters} (JSON values: maps, lists, strings, numbers, booleans, null). */
    Invocation invoke(Map<String, ?> parameters);

    /** Invokes the function without parameters. */
    default Invocation invoke() {
        return invoke(Map.of());
    }

    /** The function's name as declared in {@link OpenWhiskFunction#name()}. */
    String function();

    TriggerType type();
}
