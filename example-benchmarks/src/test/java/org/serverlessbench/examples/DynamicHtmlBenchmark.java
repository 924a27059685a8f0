package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.serverlessbench.examples.functions.dynamichtml.DynamicHtml;
import org.serverlessbench.openwhisk.junit.ColdStart;
import org.serverlessbench.openwhisk.junit.FunctionSource;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.LibraryTrigger;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;
import org.serverlessbench.openwhisk.junit.Trigger;
import org.serverlessbench.openwhisk.junit.Warmup;

/**
 * SeBS 110.dynamic-html: the function renders an HTML page with {@code random_len} random numbers, a small
 * CPU-bound web workload: Node.js renders with Mustache from npm as SeBS does, Python with a small engine of its
 * standard library (OpenWhisk's python:3.11 runtime has no Jinja2; the image function in
 * {@link DockerImageBenchmark} has), Java builds the page by hand. The Python function takes SeBS's result shape from
 * the harness sebs.py. Cold starts in every language, then warm invocations through the configured trigger
 * ({@code openwhisk.trigger}: {@code library} by default, or {@code http}), each a {@code @ParameterizedTest} over the
 * three functions.
 */
@OpenWhiskTest
@SharedFunctionFiles(SharedFunctionFiles.SEBS)
@ExtendWith(BenchmarkSizeResolver.class)
@OpenWhiskFunction(name = "html-nodejs", code = "src/test/functions/110.dynamic-html/nodejs",
        memory = 128, timeout = 10_000)
@OpenWhiskFunction(name = "html-python", code = "src/test/functions/110.dynamic-html/python",
        memory = 128, timeout = 10_000)
// tag::java-function[]
@OpenWhiskFunction(name = "html-java", mainClass = DynamicHtml.class,
        memory = 128, timeout = 10_000)
// end::java-function[]
class DynamicHtmlBenchmark {

    /** The number of random numbers on the page, as in SeBS: 10, 1000 or 100000. */
    static Map<String, Object> input(BenchmarkSize size) {
        int randomLength = switch (size) {
            case TEST -> 10;
            case SMALL -> 1_000;
            case LARGE -> 100_000;
        };
        return Map.of("username", "testname", "random_len", randomLength);
    }

    @ParameterizedTest
    @FunctionSource(value = {"html-nodejs", "html-python", "html-java"}, repetitions = 3)
    @ColdStart
    void cold(LibraryTrigger trigger, BenchmarkSize size) {
        assertCold(trigger.invoke(input(size)));
    }

    // tag::trigger[]
    @ParameterizedTest
    @FunctionSource(value = {"html-nodejs", "html-python", "html-java"}, repetitions = 20)
    @Warmup(3)
    void warm(Trigger trigger, BenchmarkSize size) {
        Invocation invocation = trigger.invoke(input(size)).assertSuccess().assertWarm();
        assertThat(invocation.resultMap()).extractingByKey("result", as(InstanceOfAssertFactories.MAP))
                .extractingByKey("size_bytes", as(InstanceOfAssertFactories.INTEGER)).isPositive();
        assertReportsItsActivation(invocation);
    }
    // end::trigger[]

    /** The function read its activation id from {@code __OW_ACTIVATION_ID}, as SeBS's wrappers do. */
    private static void assertReportsItsActivation(Invocation invocation) {
        assertThat(invocation.resultMap()).containsEntry("request_id", invocation.activationId());
    }

    private static void assertCold(Invocation invocation) {
        invocation.assertSuccess();
        assertThat(invocation.cold()).as("cold start of %s", invocation.activationId()).isTrue();
        assertThat(invocation.providerInitUs()).as("initTime of %s", invocation.activationId()).isPresent();
    }
}
