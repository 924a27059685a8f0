package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.serverlessbench.examples.functions.sleep.Sleep;
import org.serverlessbench.openwhisk.junit.ColdStart;
import org.serverlessbench.openwhisk.junit.FunctionSource;
import org.serverlessbench.openwhisk.junit.HttpTrigger;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.LibraryTrigger;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;
import org.serverlessbench.openwhisk.junit.Warmup;

/**
 * SeBS 010.sleep: the function sleeps for a number of seconds, so the client and provider times show the platform's
 * overhead around a known amount of work. Cold starts in every language, then warm invocations over HTTP, each a
 * {@code @ParameterizedTest} over the three functions.
 */
// tag::functions[]
@OpenWhiskTest
@ExtendWith(BenchmarkSizeResolver.class)
@OpenWhiskFunction(name = "sleep-nodejs", code = "src/test/functions/010.sleep/nodejs",
        memory = 128, timeout = 120_000)
@OpenWhiskFunction(name = "sleep-python", code = "src/test/functions/010.sleep/python",
        memory = 128, timeout = 120_000)
@OpenWhiskFunction(name = "sleep-java", mainClass = Sleep.class,
        memory = 128, timeout = 120_000)
class SleepBenchmark {
    // end::functions[]

    // tag::input[]
    /** Seconds to sleep; SeBS uses 1, 100 and 1000 s, which would make the default run far too slow. */
    static double seconds(BenchmarkSize size) {
        return switch (size) {
            case TEST -> 0.01;
            case SMALL -> 1;
            case LARGE -> 10;
        };
    }

    static Map<String, Object> input(BenchmarkSize size) {
        return Map.of("sleep", seconds(size));
    }
    // end::input[]

    // tag::cold[]
    @ParameterizedTest
    @FunctionSource(value = {"sleep-nodejs", "sleep-python", "sleep-java"}, repetitions = 3)
    @ColdStart
    void cold(LibraryTrigger trigger, BenchmarkSize size) {
        Invocation invocation = trigger.invoke(input(size)).assertSuccess();
        assertThat(invocation.cold()).as("cold start of %s", invocation.activationId()).isTrue();
        assertThat(invocation.providerInitUs()).isPresent();
    }
    // end::cold[]

    // tag::warm[]
    @ParameterizedTest
    @FunctionSource(value = {"sleep-nodejs", "sleep-python", "sleep-java"}, repetitions = 20)
    @Warmup(3)
    void warm(HttpTrigger trigger, BenchmarkSize size) {
        Invocation invocation = trigger.invoke(input(size)).assertSuccess().assertWarm();
        // the function's own begin/end cover the sleep (timers may fire up to a millisecond early)
        assertThat(invocation.benchmarkTimeUs()).isPresent();
        assertThat(invocation.benchmarkTimeUs().getAsLong()).isGreaterThanOrEqualTo(sleepUs(size) - 1_000);
    }
    // end::warm[]

    private static long sleepUs(BenchmarkSize size) {
        return (long) (seconds(size) * 1e6);
    }
}
