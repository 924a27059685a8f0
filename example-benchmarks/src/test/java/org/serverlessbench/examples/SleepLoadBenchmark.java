package org.serverlessbench.examples;

import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.serverlessbench.openwhisk.junit.Concurrency;
import org.serverlessbench.openwhisk.junit.LibraryTrigger;
import org.serverlessbench.openwhisk.junit.Load;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;

/**
 * SeBS 010.sleep under load. Open loop: Poisson arrivals at 100 per second, each a run of the test body at its
 * scheduled moment whatever the platform does, with its latency measured from that moment; 5 s, or 60 s with
 * {@code openwhisk.benchmark.size=large}. Closed loop: 8 callers invoking back to back. The function sleeps 10 ms, so
 * that the runs show the platform's overhead under load rather than the sleep. The closed loop runs first and leaves
 * eight warm containers, so that the open loop does not begin with dozens of cold starts at once.
 */
@OpenWhiskTest
@OpenWhiskFunction(name = "sleep-nodejs", code = "src/test/functions/010.sleep/nodejs",
        memory = 128, timeout = 120_000)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SleepLoadBenchmark {

    // tag::open-loop[]
    @Test
    @Order(2)
    @DisabledIf("fullScale")
    @Load(rate = 100, arrivals = Load.Arrivals.POISSON, duration = "5s", seed = 10)
    void poisson(LibraryTrigger trigger) {
        trigger.invoke(Map.of("sleep", 0.01)).assertSuccess();
    }
    // end::open-loop[]

    @Test
    @Order(2)
    @Tag("large-size")
    @EnabledIf("fullScale")
    @Load(rate = 100, arrivals = Load.Arrivals.POISSON, duration = "60s", seed = 10)
    void poissonFullScale(LibraryTrigger trigger) {
        trigger.invoke(Map.of("sleep", 0.01)).assertSuccess();
    }

    // tag::closed-loop[]
    @Test
    @Order(1)
    @Concurrency(value = 8, invocations = 400)
    void eightCallers(LibraryTrigger trigger) {
        trigger.invoke(Map.of("sleep", 0.01)).assertSuccess();
    }
    // end::closed-loop[]

    /** Whether {@code openwhisk.benchmark.size} asks for the large (full-scale) run. */
    static boolean fullScale(ExtensionContext context) {
        return context.getConfigurationParameter(BenchmarkSize.CONFIGURATION_KEY)
                .map(value -> BenchmarkSize.parse(value, "the JUnit configuration") == BenchmarkSize.LARGE)
                .orElse(false);
    }
}
