package org.serverlessbench.openwhisk.report;

import java.time.Instant;

/** Rows for tests. */
final class Rows {

    static final Instant T0 = Instant.parse("2026-11-26T18:00:00.123456Z");

    private Rows() {}

    static InvocationRow warm(String test, String function, int second, long clientUs, long providerUs) {
        return new InvocationRow(test, function, "run1-" + function, "library", "act" + second, false, false,
                "success", true, clientUs, providerUs, null, 3_000L, providerUs - 500, 256, T0.plusSeconds(second));
    }

    static InvocationRow cold(String test, String function, int second, long clientUs, long providerUs, long initUs) {
        return new InvocationRow(test, function, "run1-" + function, "http", "act" + second, false, true,
                "success", true, clientUs, providerUs, initUs, 1_000L, providerUs - 500, 256, T0.plusSeconds(second));
    }

    static InvocationRow warmup(String test, String function, int second) {
        return new InvocationRow(test, function, "run1-" + function, "library", "act" + second, true, true,
                "success", true, 999_000, 900_000L, 500_000L, 1_000L, null, 256, T0.plusSeconds(second));
    }

    static InvocationRow failed(String test, String function, int second) {
        return new InvocationRow(test, function, "run1-" + function, "library", null, false, false,
                "application error", false, 4_000, null, null, null, null, null, T0.plusSeconds(second));
    }
}
