package org.serverlessbench.openwhisk.report;

import java.util.Locale;
import java.util.Objects;

/**
 * The floor a run's figures were measured against, measured once at its start: the median client time of a warm
 * blocking invocation of an action that does nothing, and of a bare HTTP request to an echo server on 127.0.0.1 in
 * the test JVM. A figure that could not be measured is {@code null}, and {@code method} says why.
 *
 * @param noOpActionP50Us median client time of {@code n} warm blocking invocations of a no-op action, in µs
 * @param httpEchoP50Us   median time of {@code n} HTTP requests to an echo server on 127.0.0.1, in µs
 * @param n               calls measured for each figure (after one unmeasured call each)
 * @param method          how the figures were measured, in words
 */
public record Calibration(Long noOpActionP50Us, Long httpEchoP50Us, int n, String method) {

    public Calibration {
        Objects.requireNonNull(method, "method");
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
    }

    /** For example {@code no-op action p50 1.23 ms, HTTP echo p50 0.11 ms (n = 20)}. */
    public String describe() {
        return String.format(Locale.ROOT, "no-op action p50 %s, HTTP echo p50 %s (n = %d)", ms(noOpActionP50Us),
                ms(httpEchoP50Us), n);
    }

    private static String ms(Long micros) {
        return micros == null ? "not measured" : String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }
}
