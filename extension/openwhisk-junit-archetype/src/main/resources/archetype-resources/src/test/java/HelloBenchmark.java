package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import ${package}.functions.Hello;
import org.junit.jupiter.api.RepeatedTest;
import org.serverlessbench.openwhisk.junit.ColdStart;
import org.serverlessbench.openwhisk.junit.FunctionName;
import org.serverlessbench.openwhisk.junit.HttpTrigger;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.LibraryTrigger;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;
import org.serverlessbench.openwhisk.junit.Warmup;

/**
 * One function in three languages, measured three ways: cold starts, warm invocations through the REST API, and warm
 * invocations of the web action over HTTP. Runs on an embedded OpenWhisk unless openwhisk.target=remote.
 */
@OpenWhiskTest
@OpenWhiskFunction(name = "hello-nodejs", code = "src/test/functions/hello/nodejs", memory = 128)
@OpenWhiskFunction(name = "hello-python", code = "src/test/functions/hello/python", memory = 128)
@OpenWhiskFunction(name = "hello-java", mainClass = Hello.class, memory = 128)
class HelloBenchmark {

    @RepeatedTest(3)
    @ColdStart
    void coldJava(@FunctionName("hello-java") LibraryTrigger trigger) {
        Invocation invocation = trigger.invoke(Map.of("name", "cold")).assertSuccess().assertCold();
        assertThat(invocation.resultMap()).containsEntry("greeting", "Hello, cold!");
        assertThat(invocation.benchmarkTimeUs()).isPresent();
    }

    @RepeatedTest(10)
    @Warmup(2)
    void warmPython(@FunctionName("hello-python") LibraryTrigger trigger) {
        Invocation invocation = trigger.invoke(Map.of("name", "warm")).assertSuccess().assertWarm();
        assertThat(invocation.resultMap()).containsEntry("greeting", "Hello, warm!");
        assertThat(invocation.benchmarkTimeUs()).isPresent();
    }

    @RepeatedTest(10)
    @Warmup(2)
    void httpNodejs(@FunctionName("hello-nodejs") HttpTrigger trigger) {
        Invocation invocation = trigger.invoke(Map.of("name", "web")).assertSuccess().assertWarm();
        assertThat(invocation.resultMap()).containsEntry("greeting", "Hello, web!");
        assertThat(invocation.benchmarkTimeUs()).isPresent();
    }
}
