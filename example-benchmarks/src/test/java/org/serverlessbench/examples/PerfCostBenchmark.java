package org.serverlessbench.examples;

import static org.serverlessbench.openwhisk.junit.InvocationMode.BURST;
import static org.serverlessbench.openwhisk.junit.InvocationMode.COLD;
import static org.serverlessbench.openwhisk.junit.InvocationMode.SEQUENTIAL;
import static org.serverlessbench.openwhisk.junit.InvocationMode.WARM;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serverlessbench.openwhisk.junit.LibraryTrigger;
import org.serverlessbench.openwhisk.junit.MemorySizes;
import org.serverlessbench.openwhisk.junit.Mode;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;
import org.serverlessbench.openwhisk.junit.Samples;

/**
 * SeBS's perf-cost experiment on 110.dynamic-html (Node.js): every invocation mode at every memory size. At the
 * default scale each point takes 3 samples (batches of 2); with {@code -Dopenwhisk.experiments=full} the full-scale
 * method takes adaptive samples, 30 to 200 per point, until the median is known within ±5 %.
 */
@OpenWhiskTest
@ExtendWith(BenchmarkSizeResolver.class)
@OpenWhiskFunction(name = "html-nodejs", code = "src/test/functions/110.dynamic-html/nodejs", timeout = 10_000)
class PerfCostBenchmark {

    // tag::perf-cost[]
    @MemorySizes({128, 256, 512})
    @Mode(value = {COLD, WARM, BURST, SEQUENTIAL}, batch = 2)
    @Samples(3)
    void perfCost(LibraryTrigger trigger, BenchmarkSize size) {
        trigger.invoke(DynamicHtmlBenchmark.input(size)).assertSuccess();
    }
    // end::perf-cost[]

    @MemorySizes({128, 256, 512})
    @Mode(value = {COLD, WARM, BURST, SEQUENTIAL}, batch = 10)
    @Samples(min = 30, max = 200, relativeCi = 0.05)
    @Tag("full-experiments")
    @EnabledIfSystemProperty(named = "openwhisk.experiments", matches = "full")
    void perfCostFullScale(LibraryTrigger trigger, BenchmarkSize size) {
        trigger.invoke(DynamicHtmlBenchmark.input(size)).assertSuccess();
    }
}
