package org.serverlessbench.openwhisk.junit.internal;

import java.util.Map;
import java.util.Set;

/** The kinds the embedded OpenWhisk lists in {@code GET /api/v1}, for tests that do not start it. */
final class TestKinds {

    static final RuntimeKinds EMBEDDED = new RuntimeKinds(
            Map.of("java", "java:8", "nodejs", "nodejs:20", "python", "python:3.11"),
            Set.of("java:8", "nodejs:20", "nodejs:18", "python:3.11", "python:3.12"));

    private TestKinds() {
    }
}
