package org.serverlessbench.openwhisk.junit;

import java.util.Locale;

/** SeBS's perf-cost invocation modes, for {@link Mode}. Rows name them in lower case. */
public enum InvocationMode {

    /**
     * Every run of the body starts cold: the functions get a new revision before each invocation, as with
     * {@link ColdStart}. A sample that still comes back warm is recorded as rejected ({@code warm in cold mode}).
     */
    COLD,

    /**
     * A first batch of {@link Mode#batch()} concurrent runs warms containers and is recorded as warm-up; then
     * batches of that many concurrent runs are measured. A sample that comes back cold is recorded as rejected
     * ({@code cold in warm mode}).
     */
    WARM,

    /**
     * Before each batch the functions get a new revision, then {@link Mode#batch()} concurrent runs fire at once.
     * Every sample is kept, cold or warm.
     */
    BURST,

    /** One warm-up run (recorded as warm-up), then one run at a time. Every sample is kept. */
    SEQUENTIAL;

    /** The name in rows and display names: {@code cold}, {@code warm}, {@code burst} or {@code sequential}. */
    public String rowName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
