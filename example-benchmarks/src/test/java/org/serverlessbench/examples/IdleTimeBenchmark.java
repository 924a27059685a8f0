package org.serverlessbench.examples;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.serverlessbench.openwhisk.junit.IdleTimes;
import org.serverlessbench.openwhisk.junit.LibraryTrigger;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;

/**
 * SeBS's eviction-model question on a Node.js no-op: after how long idle does the next invocation start cold? The
 * embedded OpenWhisk of this module evicts idle containers after 10 s ({@code openwhisk.embedded.idleTimeout} in
 * {@code junit-platform.properties}), so 1 s and 4 s come back warm and 12 s cold; the rows' {@code idleMs} and
 * {@code cold} give P(cold | idle t). With {@code -Dopenwhisk.experiments=full} the full-scale method takes 20
 * pairs per idle time over a finer grid.
 */
@OpenWhiskTest
@OpenWhiskFunction(name = "noop", code = "src/test/functions/000.noop/nodejs")
class IdleTimeBenchmark {

    // tag::idle-times[]
    @IdleTimes(value = {"1s", "4s", "12s"}, pairs = 1)
    void idleMap(LibraryTrigger trigger) {
        trigger.invoke().assertSuccess();
    }
    // end::idle-times[]

    @IdleTimes(value = {"1s", "2s", "5s", "8s", "10s", "12s", "15s", "30s"}, pairs = 20)
    @Tag("full-experiments")
    @EnabledIfSystemProperty(named = "openwhisk.experiments", matches = "full")
    void idleMapFullScale(LibraryTrigger trigger) {
        trigger.invoke().assertSuccess();
    }
}
