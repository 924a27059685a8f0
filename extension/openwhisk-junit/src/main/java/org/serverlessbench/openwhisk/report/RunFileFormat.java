package org.serverlessbench.openwhisk.report;

/**
 * The line shapes of a per-run file: {@code {"run": {...}}} first, then one {@code {"invocation": {...}}} per row.
 */
final class RunFileFormat {

    static final String RUN = "run";
    static final String INVOCATION = "invocation";

    private RunFileFormat() {}
}
