package org.serverlessbench.openwhisk.embedded.invoker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessbench.openwhisk.embedded.invoker.TestActivations.action;
import static org.serverlessbench.openwhisk.embedded.invoker.TestActivations.activate;
import static org.serverlessbench.openwhisk.embedded.invoker.TestActivations.alive;
import static org.serverlessbench.openwhisk.embedded.invoker.TestActivations.annotation;
import static org.serverlessbench.openwhisk.embedded.invoker.TestActivations.await;
import static org.serverlessbench.openwhisk.embedded.invoker.TestActivations.awaitCondition;
import static org.serverlessbench.openwhisk.embedded.invoker.TestActivations.cold;
import static org.serverlessbench.openwhisk.embedded.invoker.TestActivations.error;
import static org.serverlessbench.openwhisk.embedded.invoker.TestActivations.concurrent;
import static org.serverlessbench.openwhisk.embedded.invoker.TestActivations.nodeAction;
import static org.serverlessbench.openwhisk.embedded.invoker.TestActivations.pid;
import static org.serverlessbench.openwhisk.embedded.invoker.TestActivations.request;
import static org.serverlessbench.openwhisk.embedded.invoker.TestActivations.status;
import static org.serverlessbench.openwhisk.embedded.invoker.TestActivations.updated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.embedded.runtime.CgroupRequirement;
import org.serverlessbench.openwhisk.embedded.runtime.ProcessContainerFactory;

/** The invoker against real nodejs runtime processes. */
class InvokerTest {
    private static final String PID = "function main(args) { return { pid: process.pid }; }";
    private static final String SLOW_PID = "function main(args) { return new Promise(r => setTimeout(() =>"
            + " r({ pid: process.pid }), 500)); }";

    private final ProcessContainerFactory factory = new ProcessContainerFactory();
    private Invoker invoker;

    private Invoker start(InvokerConfig config) {
        invoker = new Invoker(config, factory);
        return invoker;
    }

    private static InvokerConfig noStemCells() {
        return InvokerConfig.defaults("http://127.0.0.1:3233").withPrewarm(Map.of());
    }

    @AfterEach
    void stop() {
        if (invoker != null) {
            invoker.close();
        }
        factory.close();
    }

    @Test
    void coldThenWarmThenColdAfterAnUpdate() throws Exception {
        start(noStemCells());
        ActionRevision action = nodeAction("hello", PID);

        ObjectNode first = activate(invoker, action);
        ObjectNode second = activate(invoker, action);
        ObjectNode afterUpdate = activate(invoker, updated(action, PID));

        assertThat(status(first)).isEqualTo("success");
        assertThat(cold(first)).isTrue();
        assertThat(cold(second)).isFalse();
        assertThat(pid(second)).isEqualTo(pid(first));
        assertThat(cold(afterUpdate)).isTrue();
        assertThat(pid(afterUpdate)).isNotEqualTo(pid(first));
        assertThat(afterUpdate.get("version").asText()).isEqualTo("0.0.2");
    }

    @Test
    void runsPythonActionsColdThenWarmWithArrayResults() throws Exception {
        start(noStemCells());
        ActionRevision pid = action("py", "python:3.11",
                "import os\ndef main(args):\n    return {'pid': os.getpid()}\n", 256, 60_000, 10);
        ActionRevision list = action("pylist", "python:3.11", "def main(args):\n    return [1, 2]\n", 256, 60_000, 10);

        ObjectNode cold = activate(invoker, pid);
        ObjectNode warm = activate(invoker, pid);
        ObjectNode array = activate(invoker, list);

        assertThat(status(cold)).isEqualTo("success");
        assertThat(cold(cold)).isTrue();
        assertThat(cold(warm)).isFalse();
        assertThat(pid(warm)).isEqualTo(pid(cold));
        assertThat(annotation(cold, "kind").orElseThrow().asText()).isEqualTo("python:3.11");
        assertThat(status(array)).isEqualTo("success");
        assertThat(array.get("response").get("result").toString()).isEqualTo("[1,2]");
    }

    @Test
    void writesTheRecordAsOpenWhiskDoes() throws Exception {
        start(noStemCells());
        ActionRevision action = nodeAction("shape", PID);

        ObjectNode cold = activate(invoker, action);
        ObjectNode warm = activate(invoker, action);

        assertThat(cold.fieldNames()).toIterable().containsExactly("activationId", "namespace", "name", "version",
                "subject", "publish", "start", "end", "duration", "response", "logs", "annotations");
        assertThat(cold.get("namespace").asText()).isEqualTo("guest");
        assertThat(cold.get("name").asText()).isEqualTo("shape");
        assertThat(cold.get("subject").asText()).isEqualTo("guest");
        assertThat(cold.get("publish").asBoolean()).isFalse();
        assertThat(cold.get("response").fieldNames()).toIterable()
                .containsExactly("status", "success", "result", "size");
        assertThat(cold.get("response").get("success").asBoolean()).isTrue();
        List<String> keys = cold.get("annotations").findValuesAsText("key");
        assertThat(keys).containsExactly("limits", "path", "kind", "timeout", "initTime", "waitTime");
        assertThat(annotation(cold, "limits").orElseThrow().toString())
                .isEqualTo("{\"concurrency\":1,\"logs\":10,\"memory\":256,\"timeout\":60000}");
        assertThat(annotation(cold, "path").orElseThrow().asText()).isEqualTo("guest/shape");
        assertThat(annotation(cold, "kind").orElseThrow().asText()).isEqualTo("nodejs:20");
        assertThat(annotation(cold, "timeout").orElseThrow().asBoolean()).isFalse();
        long initTime = annotation(cold, "initTime").orElseThrow().asLong();
        long start = cold.get("start").asLong();
        long end = cold.get("end").asLong();
        assertThat(cold.get("duration").asLong()).isEqualTo(end - start).isGreaterThanOrEqualTo(initTime);
        assertThat(annotation(cold, "waitTime").orElseThrow().asLong()).isGreaterThan(0);

        assertThat(warm.get("annotations").findValuesAsText("key"))
                .containsExactly("limits", "path", "kind", "timeout", "waitTime");
        assertThat(invoker.activation("guest", cold.get("activationId").asText())).get().hasToString(cold.toString());
    }

    @Test
    void passesTheOpenWhiskEnvironmentAtInitAndRun() throws Exception {
        start(noStemCells());
        String code = "const atInit = { name: process.env.__OW_ACTION_NAME, key: process.env.__OW_API_KEY };\n"
                + "function main(args) { return { atInit, args, host: process.env.__OW_API_HOST,"
                + " id: process.env.__OW_ACTIVATION_ID, deadline: process.env.__OW_DEADLINE,"
                + " version: process.env.__OW_ACTION_VERSION, ns: process.env.__OW_NAMESPACE }; }";
        ActionRevision action = nodeAction("env", code);
        ObjectNode payload = Json.NODES.objectNode().put("x", 1);
        ActivationRequest request = request(action, payload, "uuid:secret");

        JsonNode result = await(invoker.activate(request)).get("response").get("result");

        assertThat(result.get("atInit").get("name").asText()).isEqualTo("/guest/env");
        assertThat(result.get("atInit").get("key").asText()).isEqualTo("uuid:secret");
        assertThat(result.get("args").toString()).isEqualTo("{\"x\":1}");
        assertThat(result.get("host").asText()).isEqualTo("http://127.0.0.1:3233");
        assertThat(result.get("id").asText()).isEqualTo(request.activationId());
        assertThat(result.get("version").asText()).isEqualTo("0.0.1");
        assertThat(result.get("ns").asText()).isEqualTo("guest");
        assertThat(Long.parseLong(result.get("deadline").asText()))
                .isBetween(System.currentTimeMillis(), System.currentTimeMillis() + 60_000);
    }

    @Test
    void takesTheStemCellForANodeColdStartAndStartsAnother() throws Exception {
        start(InvokerConfig.defaults("http://127.0.0.1:3233"));
        awaitCondition(Duration.ofSeconds(20), () -> invoker.state().idleStemCells() == 1);
        Set<Long> stemCellPids = childPids();

        ObjectNode record = activate(invoker, nodeAction("prewarmed", PID));

        assertThat(cold(record)).isTrue();
        assertThat(stemCellPids).contains(pid(record));
        awaitCondition(Duration.ofSeconds(20), () -> invoker.state().idleStemCells() == 1);
        assertThat(invoker.state().containers()).isEqualTo(2);
        assertThat(invoker.state().usedMemoryMb()).isEqualTo(512);
    }

    @Test
    void queuesWhenMemoryIsFullAndRunsInOrderOnceItFrees() throws Exception {
        start(noStemCells().withMemoryCapacityMb(256));
        ActionRevision first = nodeAction("first", SLOW_PID);
        ActionRevision second = nodeAction("second", PID);

        CompletableFuture<ObjectNode> a = invoker.activate(request(first));
        CompletableFuture<ObjectNode> b = invoker.activate(request(second));
        ObjectNode recordA = await(a);
        ObjectNode recordB = await(b);

        assertThat(status(recordA)).isEqualTo("success");
        assertThat(status(recordB)).isEqualTo("success");
        assertThat(recordB.get("start").asLong()).isGreaterThanOrEqualTo(recordA.get("end").asLong() - 1);
        assertThat(annotation(recordB, "waitTime").orElseThrow().asLong()).isGreaterThanOrEqualTo(400);
        assertThat(alive(pid(recordA))).as("the first container was evicted for the second").isFalse();
        assertThat(invoker.state().usedMemoryMb()).isEqualTo(256);
    }

    @Test
    void evictsTheLeastRecentlyUsedIdleContainer() throws Exception {
        start(noStemCells().withMemoryCapacityMb(512));
        ActionRevision a = nodeAction("a", PID);
        ActionRevision b = nodeAction("b", PID);
        ActionRevision c = nodeAction("c", PID);

        ObjectNode firstA = activate(invoker, a);
        ObjectNode firstB = activate(invoker, b);
        ObjectNode firstC = activate(invoker, c);
        ObjectNode againB = activate(invoker, b);
        ObjectNode againA = activate(invoker, a);

        assertThat(List.of(firstA, firstB, firstC)).allMatch(TestActivations::cold);
        assertThat(alive(pid(firstA))).isFalse();
        assertThat(cold(againB)).isFalse();
        assertThat(pid(againB)).isEqualTo(pid(firstB));
        assertThat(cold(againA)).isTrue();
        assertThat(alive(pid(firstC))).as("c was least recently used when a came back").isFalse();
        assertThat(invoker.state().usedMemoryMb()).isEqualTo(512);
    }

    @Test
    void evictsContainersOfSupersededRevisionsBeforeTheLeastRecentlyUsedLiveOne() throws Exception {
        start(noStemCells().withMemoryCapacityMb(512));
        ActionRevision a = nodeAction("a", PID);
        ActionRevision newA = updated(a, PID);
        ActionRevision b = nodeAction("b", PID);
        ActionRevision newB = updated(b, PID);

        ObjectNode firstA = activate(invoker, a);
        ObjectNode firstNewA = activate(invoker, newA);
        ObjectNode firstB = activate(invoker, b);
        ObjectNode firstNewB = activate(invoker, newB);
        ObjectNode againNewA = activate(invoker, newA);

        assertThat(List.of(firstA, firstNewA, firstB, firstNewB)).allMatch(TestActivations::cold);
        assertThat(alive(pid(firstA))).isFalse();
        assertThat(alive(pid(firstB))).as("b's old revision, used after newA, went before newA").isFalse();
        assertThat(cold(againNewA)).isFalse();
        assertThat(pid(againNewA)).isEqualTo(pid(firstNewA));
        assertThat(alive(pid(firstNewB))).isTrue();
    }

    @Test
    void removesIdleContainersAfterTheIdleTimeout() throws Exception {
        start(noStemCells().withIdleContainerTimeout(Duration.ofMillis(300)));
        ActionRevision action = nodeAction("idle", PID);

        ObjectNode first = activate(invoker, action);
        awaitCondition(Duration.ofSeconds(10), () -> invoker.state().containers() == 0);
        ObjectNode second = activate(invoker, action);

        assertThat(alive(pid(first))).isFalse();
        assertThat(cold(second)).isTrue();
    }

    @Test
    void reusesTheMostRecentlyUsedWarmContainerSoThatSparesIdleOutUnderSteadyWork() throws Exception {
        start(noStemCells().withIdleContainerTimeout(Duration.ofSeconds(2)));
        ActionRevision action = nodeAction("lifo", "function main(args) { return new Promise(r => setTimeout(() =>"
                + " r({ pid: process.pid }), args.ms || 0)); }");
        CompletableFuture<ObjectNode> shorter = invoker.activate(request(action,
                Json.NODES.objectNode().put("ms", 300), null));
        CompletableFuture<ObjectNode> longer = invoker.activate(request(action,
                Json.NODES.objectNode().put("ms", 900), null));
        long spare = pid(await(shorter));
        long recent = pid(await(longer));
        assertThat(spare).isNotEqualTo(recent);

        // one activation at a time for longer than the idle timeout: the spare is never taken and goes
        List<Long> used = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (invoker.state().containers() == 2 && System.nanoTime() < deadline) {
            used.add(pid(activate(invoker, action)));
        }

        assertThat(used).isNotEmpty().containsOnly(recent);
        assertThat(invoker.state().containers()).isEqualTo(1);
        awaitCondition(Duration.ofSeconds(10), () -> !alive(spare));
        assertThat(alive(recent)).isTrue();
    }

    @Test
    void killsAnActionPastItsTimeLimit() throws Exception {
        start(noStemCells());
        String code = "function main(args) { if (args.hang) { return new Promise(() => {}); }"
                + " return { pid: process.pid }; }";
        ActionRevision action = action("hang", "nodejs:20", code, 256, 2_000, 10);
        long pid = pid(activate(invoker, action));

        ObjectNode record = activate(invoker, action, Json.NODES.objectNode().put("hang", true));

        assertThat(status(record)).isEqualTo("action developer error");
        assertThat(error(record)).isEqualTo("The action exceeded its time limits of 2000 milliseconds.");
        assertThat(annotation(record, "timeout").orElseThrow().asBoolean()).isTrue();
        assertThat(record.get("duration").asLong()).isBetween(2_000L, 20_000L);
        awaitCondition(Duration.ofSeconds(10), () -> !alive(pid));
        assertThat(cold(activate(invoker, action))).isTrue();
    }

    @Test
    void reportsACrashAsDeveloperErrorAndStartsColdAfterwards() throws Exception {
        start(noStemCells());
        String code = "function main(args) { if (args.crash) { process.exit(3); } return { pid: process.pid }; }";
        ActionRevision action = nodeAction("crash", code);
        activate(invoker, action);

        ObjectNode crashed = activate(invoker, action, Json.NODES.objectNode().put("crash", true));

        assertThat(status(crashed)).isEqualTo("action developer error");
        assertThat(error(crashed)).isEqualTo("The action did not produce a valid response and exited unexpectedly.");
        assertThat(annotation(crashed, "timeout").orElseThrow().asBoolean()).isFalse();
        assertThat(cold(activate(invoker, action))).isTrue();
    }

    @Test
    void reportsAnInitialisationPastTheTimeLimit() throws Exception {
        start(noStemCells());

        ObjectNode record = activate(invoker, action("slowInit", "nodejs:20",
                "while (true) {}\nfunction main() { return {}; }", 256, 500, 10));

        assertThat(status(record)).isEqualTo("action developer error");
        assertThat(error(record))
                .isEqualTo("The action exceeded its time limits of 500 milliseconds during initialization.");
        assertThat(annotation(record, "timeout").orElseThrow().asBoolean()).isTrue();
        assertThat(annotation(record, "initTime").orElseThrow().asLong()).isBetween(500L, 5_000L);
        assertThat(invoker.state().containers()).isZero();
    }

    @Test
    void reportsAnExhaustedHeapAsOpenWhiskDoes() throws Exception {
        start(noStemCells());
        String code = "function main() { const hog = []; while (true) { hog.push(new Array(1e6).fill(1)); } }";

        ObjectNode record = activate(invoker, action("hog", "nodejs:20", code, 128, 30_000, 10));

        assertThat(status(record)).isEqualTo("action developer error");
        assertThat(error(record)).isEqualTo("The action exhausted its memory and was aborted.");
        assertThat(annotation(record, "timeout").orElseThrow().asBoolean()).isFalse();
    }

    @Test
    void reportsBuffersPastTheLimitAsExhaustedMemoryAndDestroysTheContainer() throws Exception {
        CgroupRequirement.assumeCgroups(factory);
        start(noStemCells());
        String code = "function main(args) { const keep = [];"
                + " for (let i = 0; args.hog && i < 12; i++) keep.push(Buffer.alloc(100 * 1024 * 1024, 1));"
                + " return { pid: process.pid }; }";
        ActionRevision action = action("buffers", "nodejs:20", code, 128, 60_000, 10);
        long pid = pid(activate(invoker, action));

        ObjectNode record = activate(invoker, action, Json.NODES.objectNode().put("hog", true));

        assertThat(status(record)).isEqualTo("action developer error");
        assertThat(error(record)).isEqualTo("The action exhausted its memory and was aborted.");
        awaitCondition(Duration.ofSeconds(10), () -> !alive(pid));
        assertThat(cold(activate(invoker, action))).isTrue();
    }

    @Test
    void reportsAFailedInitialisationWithItsInitTime() throws Exception {
        start(noStemCells());

        ObjectNode record = activate(invoker, nodeAction("broken", "function main(args) { return {; }"));

        assertThat(status(record)).isEqualTo("action developer error");
        assertThat(annotation(record, "initTime")).isPresent();
        assertThat(record.get("duration").asLong())
                .isEqualTo(annotation(record, "initTime").orElseThrow().asLong());
        assertThat(invoker.state().containers()).isZero();
    }

    @Test
    void keepsTheContainerAfterAnApplicationError() throws Exception {
        start(noStemCells());
        ActionRevision action = nodeAction("fails",
                "function main(args) { return { error: { pid: process.pid }, ignored: true }; }");

        ObjectNode first = activate(invoker, action);
        ObjectNode second = activate(invoker, action);

        assertThat(status(first)).isEqualTo("application error");
        assertThat(first.get("response").get("success").asBoolean()).isFalse();
        assertThat(first.get("response").get("result").toString()).isEqualTo("{\"error\":{\"pid\":"
                + first.get("response").get("result").get("error").get("pid").asLong() + "}}");
        assertThat(cold(second)).isFalse();
    }

    @Test
    void runsUpToTheActionsConcurrencyInOneNodeContainerIncludingWhileItStarts() throws Exception {
        start(noStemCells());
        ActionRevision action = concurrent(nodeAction("shared", "function main(args) { console.log('hi');"
                + " return new Promise(r => setTimeout(() => r({ pid: process.pid }), 500)); }"), 3);

        List<CompletableFuture<ObjectNode>> running = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            running.add(invoker.activate(request(action)));
        }
        List<ObjectNode> records = new ArrayList<>();
        for (CompletableFuture<ObjectNode> future : running) {
            records.add(await(future));
        }

        assertThat(records).allSatisfy(record -> assertThat(status(record)).isEqualTo("success"));
        // three share the first container (two of them waited for its start), the fourth found it full
        assertThat(records.stream().map(TestActivations::pid).collect(Collectors.toSet())).hasSize(2);
        assertThat(records.stream().filter(TestActivations::cold)).hasSize(2);
        assertThat(records.stream().filter(record -> pid(record) == pid(records.get(0)))).hasSize(3);
        // several activations at once in one process: their output cannot be told apart, so none is kept
        assertThat(records).allSatisfy(record -> assertThat(record.get("logs")).isEmpty());
        ObjectNode warm = activate(invoker, action);
        assertThat(cold(warm)).isFalse();
        assertThat(invoker.state().containers()).isEqualTo(2);
    }

    @Test
    void activationsWaitingForASharedContainerWhoseInitFailsTryAnotherAndNoProcessIsLeft() throws Exception {
        start(noStemCells());
        ActionRevision broken = concurrent(nodeAction("broken", "function main(args) { return {; }"), 3);
        Set<Long> before = childPids();

        List<CompletableFuture<ObjectNode>> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            running.add(invoker.activate(request(broken)));
        }

        for (CompletableFuture<ObjectNode> future : running) {
            ObjectNode record = await(future);
            assertThat(status(record)).isEqualTo("action developer error");
            assertThat(annotation(record, "initTime")).isPresent();
        }
        awaitCondition(Duration.ofSeconds(20), () -> invoker.state().containers() == 0
                && invoker.state().busy() == 0 && before.containsAll(childPids()));
    }

    @Test
    void runsOneActivationPerContainerForKindsWithoutConcurrency() throws Exception {
        start(noStemCells());
        ActionRevision action = concurrent(action("py", "python:3.11",
                "import os, time\ndef main(args):\n    time.sleep(0.3)\n    return {'pid': os.getpid()}\n", 256,
                60_000, 10), 3);

        CompletableFuture<ObjectNode> first = invoker.activate(request(action));
        CompletableFuture<ObjectNode> second = invoker.activate(request(action));

        assertThat(pid(await(first))).isNotEqualTo(pid(await(second)));
    }

    @Test
    void collectsTheLogsOfEachActivation() throws Exception {
        start(noStemCells());
        ActionRevision action = nodeAction("logs", "function main(args) { console.log('hello ' + args.n);"
                + " console.error('oops'); return {}; }");

        ObjectNode first = activate(invoker, action, Json.NODES.objectNode().put("n", 1));
        ObjectNode second = activate(invoker, action, Json.NODES.objectNode().put("n", 2));

        List<String> firstLogs = new ArrayList<>();
        first.get("logs").forEach(line -> firstLogs.add(line.asText()));
        List<String> secondLogs = new ArrayList<>();
        second.get("logs").forEach(line -> secondLogs.add(line.asText()));

        assertThat(firstLogs).hasSize(2).anySatisfy(line -> assertThat(line)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z *stdout: hello 1")
                .hasSize(30 + " stdout: hello 1".length()));
        assertThat(firstLogs).anySatisfy(line -> assertThat(line).endsWith(" stderr: oops"));
        assertThat(secondLogs).hasSize(2).anySatisfy(line -> assertThat(line).endsWith(" stdout: hello 2"));
    }

    @Test
    void keepsOnlyTheNewestRecordsInTheStore() throws Exception {
        start(noStemCells().withActivationStoreCapacity(3));
        ActionRevision action = nodeAction("many", PID);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(activate(invoker, action).get("activationId").asText());
        }

        assertThat(invoker.countActivations("guest", "many", null, null)).isEqualTo(3);
        assertThat(invoker.activation("guest", ids.get(0))).isEmpty();
        assertThat(invoker.activations("guest", "many", null, null, 0, 30))
                .extracting(r -> r.get("activationId").asText())
                .containsExactly(ids.get(4), ids.get(3), ids.get(2));
    }

    @Test
    void boundsTheStoreByBytesAndStillAnswersWhatItCannotKeep() throws Exception {
        long maxBytes = 3L * 1024 * 1024;
        start(noStemCells().withActivationStoreMaxBytes(maxBytes));
        ActionRevision action = nodeAction("chatty", "function main(args) {"
                + " console.log('x'.repeat(args.kb * 1024)); return { kb: args.kb }; }");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ObjectNode record = activate(invoker, action, Json.NODES.objectNode().put("kb", 512));
            assertThat(status(record)).isEqualTo("success");
            ids.add(record.get("activationId").asText());
            assertThat(invoker.storedActivationBytes()).isLessThanOrEqualTo(maxBytes);
        }

        ObjectNode tooLarge = activate(invoker, action, Json.NODES.objectNode().put("kb", 4096));

        assertThat(invoker.countActivations("guest", "chatty", null, null)).isBetween(4L, 5L);
        assertThat(invoker.activation("guest", ids.get(0))).isEmpty();
        assertThat(invoker.activation("guest", ids.get(11))).isPresent();
        assertThat(status(tooLarge)).isEqualTo("success");
        assertThat(tooLarge.get("logs").get(0).asText()).hasSizeGreaterThan(4096 * 1024);
        assertThat(invoker.activation("guest", tooLarge.get("activationId").asText())).isEmpty();
        assertThat(invoker.activation("guest", ids.get(11))).isPresent();
    }

    @Test
    void evictsAStemCellOnlyWhenNothingElseCanFreeMemory() throws Exception {
        start(InvokerConfig.defaults("http://127.0.0.1:3233").withMemoryCapacityMb(256));
        awaitCondition(Duration.ofSeconds(20), () -> invoker.state().idleStemCells() == 1);

        ObjectNode record = activate(invoker, action("py", "python:3.11",
                "def main(args):\n    return {}\n", 256, 60_000, 10));

        assertThat(status(record)).isEqualTo("success");
        assertThat(invoker.state().idleStemCells()).isZero();
        assertThat(invoker.state().usedMemoryMb()).isEqualTo(256);
    }

    @Test
    void failsAnActionLargerThanThePoolAtOnce() throws Exception {
        start(noStemCells().withMemoryCapacityMb(256));

        ObjectNode record = activate(invoker, action("huge", "nodejs:20", PID, 512, 60_000, 10));

        assertThat(status(record)).isEqualTo("whisk internal error");
        assertThat(error(record)).contains("needs 512 MB", "memory capacity is 256 MB");
        assertThat(invoker.activation("guest", record.get("activationId").asText())).isPresent();
    }

    @Test
    void failsUnknownKindsAsWhiskInternalErrorNamingTheReason() throws Exception {
        start(noStemCells());

        ObjectNode record = activate(invoker, action("docker", "blackbox", null, 256, 60_000, 10));

        assertThat(status(record)).isEqualTo("whisk internal error");
        assertThat(error(record)).startsWith("Failed to provision resources to run the action.").contains("blackbox");
        assertThat(invoker.runtimes().available()).contains("nodejs:20");
    }

    @Test
    void closeKillsEveryProcessAndFailsQueuedActivations() throws Exception {
        Set<Long> factoryHelpers = childPids();
        start(InvokerConfig.defaults("http://127.0.0.1:3233").withMemoryCapacityMb(512));
        awaitCondition(Duration.ofSeconds(20), () -> invoker.state().idleStemCells() == 1);
        ActionRevision slow = nodeAction("slow", "function main() { return new Promise(() => {}); }");
        CompletableFuture<ObjectNode> running = invoker.activate(request(slow));
        awaitCondition(Duration.ofSeconds(20), () -> invoker.state().idleStemCells() == 1);
        ActionRevision big = action("queued", "nodejs:20", PID, 512, 60_000, 10);
        CompletableFuture<ObjectNode> queued = invoker.activate(request(big));
        awaitCondition(Duration.ofSeconds(20), () -> invoker.state().queued() == 1);
        Set<Long> children = childPids();
        children.removeAll(factoryHelpers);
        assertThat(children).hasSizeGreaterThanOrEqualTo(2);

        invoker.close();

        assertThat(status(await(queued))).isEqualTo("whisk internal error");
        assertThat(status(await(running))).isEqualTo("action developer error");
        assertThat(children).noneMatch(TestActivations::alive);
        assertThat(status(activate(invoker, nodeAction("late", PID)))).isEqualTo("whisk internal error");
    }

    private static Set<Long> childPids() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }
}
