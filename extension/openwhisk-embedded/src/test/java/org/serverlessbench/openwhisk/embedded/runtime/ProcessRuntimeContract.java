package org.serverlessbench.openwhisk.embedded.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessbench.openwhisk.embedded.runtime.ContainerChecks.assertCloseStopsTheProcessAndItsChild;
import static org.serverlessbench.openwhisk.embedded.runtime.ContainerChecks.assertEndsWithItsChildWhenStdinCloses;
import static org.serverlessbench.openwhisk.embedded.runtime.ContainerChecks.assertRunReportsTheExitAsACrash;
import static org.serverlessbench.openwhisk.embedded.runtime.ContainerChecks.assertSeesTheRunsOwVariables;
import static org.serverlessbench.openwhisk.embedded.runtime.ContainerChecks.assertTimedOutRunKillsTheProcess;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.json;
import static org.serverlessbench.openwhisk.embedded.runtime.RuntimeMessages.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * What every process runtime does, whatever its language: a subclass registers its {@link RuntimeUnderTest} and
 * writes each {@link Action} in its language.
 */
abstract class ProcessRuntimeContract {

    /** The actions the contract runs; each answers or does what its comment says. */
    enum Action {
        /** Answers {@code greeting}: "Hello " and the parameter {@code name}. */
        GREETING,
        /** Answers the run's {@code __OW_*} variables as host, id, name and deadline, and what the runtime adds. */
        ENVIRONMENT,
        /** Answers {@code error}: "bad input". */
        APPLICATION_ERROR,
        /** Ends its process with exit code 3. */
        EXIT_3,
        /** Never returns. */
        SPIN,
        /** Prints "out " and the parameter {@code n}, then "second line", to stdout; "err " and {@code n} to stderr. */
        LOGGING,
        /** Answers {@code echo}: the parameter {@code text} and " ✓". */
        ECHO,
        /** Starts {@code sleep 60} and answers its {@code pid}. */
        SPAWN_CHILD
    }

    /** The requests a runtime refuses. */
    enum Refused {
        RUN_BEFORE_INIT, INIT_WITHOUT_CODE, SECOND_INIT
    }

    /** A refusal's status code and error message. */
    record Refusal(int status, String error) {
    }

    abstract RuntimeUnderTest runtime();

    /** The /init body that gives a container {@code action}. */
    abstract String initBody(Action action);

    /** How this runtime answers a request it refuses. */
    abstract Refusal refusal(Refused request);

    /** The body of a successful /init's answer. */
    abstract String initAnswer();

    /** Checks what the runtime's {@link Action#ENVIRONMENT} answers beyond the {@code __OW_*} variables. */
    abstract void assertMoreEnvironment(JsonNode result);

    private ActionContainer initialized(Action action) throws Exception {
        return runtime().initialized(initBody(action));
    }

    private Duration timeout() {
        return runtime().timeout();
    }

    @Test
    void runsAnActionAndRefusesASecondInit() throws Exception {
        try (ActionContainer container = runtime().container(256)) {
            String kind = runtime().kind();
            assertThat(container.kind()).isEqualTo(kind);
            assertThat(container.id()).startsWith(kind.substring(0, kind.indexOf(':')) + "-");
            RuntimeResponse first = container.init(initBody(Action.GREETING), timeout());
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(first.body()).isEqualTo(initAnswer());

            RuntimeResponse result = container.run(run(Map.of("name", "World")), timeout());
            assertThat(result.statusCode()).isEqualTo(200);
            assertThat(json(result).get("greeting").asText()).isEqualTo("Hello World");

            assertRefused(Refused.SECOND_INIT, container.init(initBody(Action.GREETING), timeout()));
        }
    }

    @Test
    void refusesRunBeforeInitAndInitWithoutCode() throws Exception {
        try (ActionContainer container = runtime().container(256)) {
            assertRefused(Refused.RUN_BEFORE_INIT, container.run(run(Map.of()), timeout()));
            assertRefused(Refused.INIT_WITHOUT_CODE, container.init("{\"value\":{\"main\":\"main\"}}", timeout()));
        }
    }

    private void assertRefused(Refused request, RuntimeResponse response) {
        Refusal expected = refusal(request);
        assertThat(response.statusCode()).as("%s: %s", request, response.body()).isEqualTo(expected.status());
        assertThat(json(response).get("error").asText()).isEqualTo(expected.error());
    }

    @Test
    void exposesTheRunsOwVariables() throws Exception {
        try (ActionContainer container = initialized(Action.ENVIRONMENT)) {
            JsonNode result = json(container.run(run(Map.of()), timeout()));
            assertSeesTheRunsOwVariables(result);
            assertMoreEnvironment(result);
        }
    }

    @Test
    void returnsApplicationErrorsAsTheyAre() throws Exception {
        try (ActionContainer container = initialized(Action.APPLICATION_ERROR)) {
            RuntimeResponse response = container.run(run(Map.of()), timeout());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("error").asText()).isEqualTo("bad input");
        }
    }

    @Test
    void reportsAProcessExitAsACrash() throws Exception {
        try (ActionContainer container = initialized(Action.EXIT_3)) {
            assertRunReportsTheExitAsACrash(container, timeout());
        }
    }

    @Test
    void killsTheProcessWhenARunTimesOut() throws Exception {
        assertTimedOutRunKillsTheProcess(initialized(Action.SPIN), Duration.ofMillis(500));
    }

    @Test
    void collectsLogsPerActivationWithoutSentinels() throws Exception {
        try (ActionContainer container = initialized(Action.LOGGING)) {
            container.run(run(Map.of("n", 1)), timeout());
            assertThat(container.drainLogs(timeout())).extracting(LogLine::stream, LogLine::text)
                    .containsExactlyInAnyOrder(Tuple.tuple("stdout", "out 1"), Tuple.tuple("stderr", "err 1"),
                            Tuple.tuple("stdout", "second line"));
            container.run(run(Map.of("n", 2)), timeout());
            assertThat(container.drainLogs(timeout())).extracting(LogLine::text)
                    .containsExactlyInAnyOrder("out 2", "err 2", "second line");
        }
    }

    @Test
    void keepsUnicodeIntact() throws Exception {
        try (ActionContainer container = initialized(Action.ECHO)) {
            RuntimeResponse response = container.run(run(Map.of("text", "Grüße 東京")), timeout());
            assertThat(json(response).get("echo").asText()).isEqualTo("Grüße 東京 ✓");
        }
    }

    @Test
    void closeKillsTheProcessAndEverythingItStarted() throws Exception {
        assertCloseStopsTheProcessAndItsChild(initialized(Action.SPAWN_CHILD), timeout());
    }

    @Test
    void endsWithItsChildWhenTheJvmThatStartedItIsGone() throws Exception {
        assertEndsWithItsChildWhenStdinCloses(initialized(Action.SPAWN_CHILD), timeout());
    }
}
