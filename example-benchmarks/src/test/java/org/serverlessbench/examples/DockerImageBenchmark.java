package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serverlessbench.openwhisk.junit.ColdStart;
import org.serverlessbench.openwhisk.junit.DockerImage;
import org.serverlessbench.openwhisk.junit.FunctionName;
import org.serverlessbench.openwhisk.junit.HttpTrigger;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.LibraryTrigger;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;
import org.serverlessbench.openwhisk.junit.Warmup;

/**
 * SeBS 010.sleep and 110.dynamic-html deployed as SeBS deploys to OpenWhisk: Docker images built on the runtime of
 * each kind, run as blackbox actions in Docker containers of the embedded OpenWhisk. 110.dynamic-html renders with a
 * template engine of SeBS's versions: Jinja2 from Debian in the Python image, Mustache from npm in the Node.js image.
 * The Java functions share one Dockerfile, which builds the jar of the package folder given as the build arg
 * {@code FUNCTION} inside the image (javac from Debian's JDK); it is copied out as the action's code. Skipped without
 * a Docker engine (see docs/docker.md).
 */
// tag::functions[]
@Tag("docker")
@OpenWhiskTest
@SharedFunctionFiles(SharedFunctionFiles.SEBS)
@ExtendWith(BenchmarkSizeResolver.class)
@OpenWhiskFunction(name = "sleep-nodejs-image", kind = "nodejs:20", code = "src/test/functions/010.sleep/nodejs",
        memory = 128, timeout = 120_000,
        image = @DockerImage(dockerfile = "src/test/functions/010.sleep/docker/Dockerfile", benchmark = "010.sleep"))
@OpenWhiskFunction(name = "sleep-python-image", kind = "python:3.11", code = "src/test/functions/010.sleep/python",
        memory = 128, timeout = 120_000,
        image = @DockerImage(dockerfile = "src/test/functions/010.sleep/docker/Dockerfile", benchmark = "010.sleep"))
@OpenWhiskFunction(name = "sleep-java-image", kind = "java:8",
        main = "org.serverlessbench.examples.functions.sleep.Sleep", memory = 256, timeout = 120_000,
        image = @DockerImage(dockerfile = "src/test/functions/shared/java-image/Dockerfile", context = "src/test",
                buildArgs = "FUNCTION=sleep", benchmark = "010.sleep"))
@OpenWhiskFunction(name = "dynamic-html-python-image", kind = "python:3.11",
        code = "src/test/functions/110.dynamic-html/python-jinja2", memory = 128,
        image = @DockerImage(dockerfile = "src/test/functions/110.dynamic-html/docker/python/Dockerfile",
                benchmark = "110.dynamic-html"))
@OpenWhiskFunction(name = "dynamic-html-nodejs-image", kind = "nodejs:20",
        code = "src/test/functions/110.dynamic-html/nodejs", memory = 128,
        image = @DockerImage(dockerfile = "src/test/functions/110.dynamic-html/docker/nodejs/Dockerfile",
                benchmark = "110.dynamic-html"))
@OpenWhiskFunction(name = "dynamic-html-java-image", kind = "java:8",
        main = "org.serverlessbench.examples.functions.dynamichtml.DynamicHtml", memory = 256,
        image = @DockerImage(dockerfile = "src/test/functions/shared/java-image/Dockerfile", context = "src/test",
                buildArgs = "FUNCTION=dynamichtml", benchmark = "110.dynamic-html"))
class DockerImageBenchmark {
    // end::functions[]

    @RepeatedTest(2)
    @ColdStart
    void coldSleepNodejs(@FunctionName("sleep-nodejs-image") LibraryTrigger trigger, BenchmarkSize size) {
        assertCold(trigger.invoke(SleepBenchmark.input(size)));
    }

    @RepeatedTest(2)
    @ColdStart
    void coldSleepPython(@FunctionName("sleep-python-image") LibraryTrigger trigger, BenchmarkSize size) {
        assertCold(trigger.invoke(SleepBenchmark.input(size)));
    }

    @RepeatedTest(2)
    @ColdStart
    void coldSleepJava(@FunctionName("sleep-java-image") LibraryTrigger trigger, BenchmarkSize size) {
        assertCold(trigger.invoke(SleepBenchmark.input(size)));
    }

    @RepeatedTest(2)
    @ColdStart
    void coldDynamicHtmlPython(@FunctionName("dynamic-html-python-image") LibraryTrigger trigger) {
        Invocation invocation = assertCold(trigger.invoke(Map.of("username", "x", "random_len", 10)));
        assertThat(invocation.result().toString()).contains("Welcome, x!")
                .contains("from /usr/lib/python3/dist-packages/jinja2/");
    }

    @RepeatedTest(2)
    @ColdStart
    void coldDynamicHtmlNodejs(@FunctionName("dynamic-html-nodejs-image") LibraryTrigger trigger) {
        Invocation invocation = assertCold(trigger.invoke(Map.of("username", "x", "random_len", 10)));
        assertThat(invocation.result().toString()).contains("Welcome, x!")
                .contains("mustache 4.2.0 from /function/node_modules/mustache/");
    }

    @RepeatedTest(2)
    @ColdStart
    void coldDynamicHtmlJava(@FunctionName("dynamic-html-java-image") LibraryTrigger trigger) {
        Invocation invocation = assertCold(trigger.invoke(Map.of("username", "x", "random_len", 10)));
        assertThat(invocation.result().toString()).contains("Welcome, x!");
    }

    @RepeatedTest(10)
    @Warmup(2)
    void warmSleepNodejs(@FunctionName("sleep-nodejs-image") HttpTrigger trigger, BenchmarkSize size) {
        trigger.invoke(SleepBenchmark.input(size)).assertSuccess().assertWarm();
    }

    @RepeatedTest(10)
    @Warmup(2)
    void warmSleepPython(@FunctionName("sleep-python-image") HttpTrigger trigger, BenchmarkSize size) {
        trigger.invoke(SleepBenchmark.input(size)).assertSuccess().assertWarm();
    }

    @RepeatedTest(10)
    @Warmup(2)
    void warmSleepJava(@FunctionName("sleep-java-image") HttpTrigger trigger, BenchmarkSize size) {
        trigger.invoke(SleepBenchmark.input(size)).assertSuccess().assertWarm();
    }

    @RepeatedTest(10)
    @Warmup(2)
    void warmDynamicHtmlPython(@FunctionName("dynamic-html-python-image") HttpTrigger trigger) {
        Invocation invocation = trigger.invoke(Map.of("username", "<b>", "random_len", 100)).assertSuccess()
                .assertWarm();
        assertThat(invocation.result().toString()).contains("Welcome, &lt;b&gt;!");
    }

    @RepeatedTest(10)
    @Warmup(2)
    void warmDynamicHtmlNodejs(@FunctionName("dynamic-html-nodejs-image") HttpTrigger trigger) {
        Invocation invocation = trigger.invoke(Map.of("username", "<b>", "random_len", 100)).assertSuccess()
                .assertWarm();
        assertThat(invocation.result().toString()).contains("Welcome, &lt;b&gt;!");
    }

    @RepeatedTest(10)
    @Warmup(2)
    void warmDynamicHtmlJava(@FunctionName("dynamic-html-java-image") HttpTrigger trigger) {
        Invocation invocation = trigger.invoke(Map.of("username", "<b>", "random_len", 100)).assertSuccess()
                .assertWarm();
        assertThat(invocation.result().toString()).contains("Welcome, &lt;b&gt;!");
    }

    private static Invocation assertCold(Invocation invocation) {
        invocation.assertSuccess();
        assertThat(invocation.cold()).as("cold start of %s", invocation.activationId()).isTrue();
        assertThat(invocation.providerInitUs()).isPresent();
        return invocation;
    }
}
