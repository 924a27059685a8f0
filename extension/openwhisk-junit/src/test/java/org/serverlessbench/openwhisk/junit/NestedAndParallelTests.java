package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Composed annotations, {@code @Nested} classes and JUnit's parallel execution. */
class NestedAndParallelTests {

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node", memory = 128)
    @interface EchoBenchmark {
    }

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @RepeatedTest(2)
    @ColdStart
    @interface TwoColdStarts {
    }

    @EchoBenchmark
    static class ComposedTestCases {

        @TwoColdStarts
        void cold(LibraryTrigger trigger) {
            trigger.invoke().assertCold();
        }

        @Nested
        @OpenWhiskFunction(name = "inner", code = "src/test/functions/echo-node")
        class Inner {

            @Test
            void seesOuterAndOwnFunctions(@FunctionName("echo") DeployedFunction echo,
                    @FunctionName("inner") LibraryTrigger inner) {
                assertThat(echo.action().limits().memory()).isEqualTo(128);
                inner.invoke().assertSuccess();
            }
        }
    }

    @OpenWhiskTest
    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node")
    static class ParallelTestCases {

        @RepeatedTest(4)
        void concurrently(LibraryTrigger library, @FunctionName("echo") HttpTrigger http) {
            List<CompletableFuture<Invocation>> calls = List.of(
                    CompletableFuture.supplyAsync(() -> library.invoke(Map.of("via", "library"))),
                    CompletableFuture.supplyAsync(() -> http.invoke(Map.of("via", "http"))));
            calls.forEach(call -> call.join().assertSuccess());
        }
    }

    @Test
    void composedAnnotationsAndNestedClassesWork() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(ComposedTestCases.class).assertAllSucceeded();

        assertThat(run.results().testEvents().succeeded().count()).isEqualTo(3);
        assertThat(Rows.ofTest(run, ComposedTestCases.class, "cold"))
                .hasSize(2).allSatisfy(row -> assertThat(row.get("cold").asBoolean()).isTrue());
    }

    @Test
    void testsRunInParallelRecordEveryInvocationOnce() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(ParallelTestCases.class, Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4")).assertAllSucceeded();

        assertThat(Rows.of(run)).hasSize(8)
                .extracting(row -> row.get("activationId").asText()).doesNotHaveDuplicates();
        assertThat(run.reportEntries()).hasSize(4)
                .allSatisfy(entries -> assertThat(entries).containsEntry(ReportKeys.COUNT, "2"));
    }
}
