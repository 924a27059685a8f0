package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.serverlessbench.openwhisk.client.ActionLimits;
import org.serverlessbench.openwhisk.client.ActionPut;
import org.serverlessbench.openwhisk.client.Exec;
import org.serverlessbench.openwhisk.client.InvokeOptions;
import org.serverlessbench.openwhisk.client.InvokeResult;
import org.serverlessbench.openwhisk.client.KeyValue;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.embedded.EmbeddedOpenWhisk;
import org.serverlessbench.openwhisk.embedded.runtime.ProcessContainerFactory;

/**
 * What DockerBenchmark met with more cold starts than the pool has room for: every cold start updates the action, and
 * the containers of superseded revisions, which can never run again, must make room before a live container does.
 */
@DockerTest
class SupersededRevisionsOnEmbeddedTest {

    private static final String NOOP = "function main(args) { return {}; }";

    @Test
    void aFullPoolEvictsSupersededContainersAndKeepsTheLiveOneWarm(DockerEngine engine, @TempDir Path context)
            throws Exception {
        DockerImages images = new DockerImages(engine);
        String runtime = new RuntimeImages(images).ensure(RuntimeImages.NODEJS);
        Files.writeString(context.resolve("Dockerfile"), "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n");
        BuiltImage image = images.build(new ImageBuild(context.resolve("Dockerfile"), context,
                "openwhisk-junit/test-blackbox:1", Map.of("BASE_IMAGE", runtime)));
        DockerContainerFactory factory = DockerContainerFactory.newBuilder().engine(engine)
                .processes(new ProcessContainerFactory()).build();
        // room for two 256 MB containers
        try (EmbeddedOpenWhisk openWhisk = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0)
                .memoryCapacityMb(512).containerFactory(factory).start();
             OpenWhiskClient client = OpenWhiskClient.newBuilder().apiHost(openWhisk.apiHost())
                     .auth(openWhisk.auth()).configurationParameters(key -> Optional.empty())
                     .environment(Map.of()).build()) {
            Exec container = new Exec("blackbox", NOOP, false, "main", image.reference());
            Exec process = new Exec("nodejs:20", NOOP, false, "main", null);

            InvokeResult containerCold1 = updateAndInvoke(client, "noop-container", container, 1);
            InvokeResult containerCold2 = updateAndInvoke(client, "noop-container", container, 2);
            InvokeResult processCold1 = updateAndInvoke(client, "noop-process", process, 1);
            InvokeResult processCold2 = updateAndInvoke(client, "noop-process", process, 2);
            InvokeResult containerWarm = client.invoke("noop-container", Map.of(), InvokeOptions.blocking());
            InvokeResult processWarm = client.invoke("noop-process", Map.of(), InvokeOptions.blocking());

            assertThat(List.of(containerCold1, containerCold2, processCold1, processCold2, containerWarm,
                    processWarm)).allMatch(InvokeResult::success);
            assertThat(List.of(containerCold1, containerCold2, processCold1, processCold2))
                    .allMatch(result -> result.activation().cold());
            assertThat(containerWarm.activation().cold()).as("the live container was kept").isFalse();
            assertThat(processWarm.activation().cold()).isFalse();
            assertThat(engine.client().listContainersCmd()
                    .withLabelFilter(Map.of(ImageLabels.RUN, factory.runId())).exec())
                    .as("only the container of the newest revision runs").hasSize(1);
        }
    }

    private static InvokeResult updateAndInvoke(OpenWhiskClient client, String name, Exec exec, int revision) {
        client.updateAction(name, ActionPut.newBuilder().exec(exec).limits(new ActionLimits(30_000, 256, null, null))
                .parameters(List.of(new KeyValue("revision", revision))).build());
        return client.invoke(name, Map.of(), InvokeOptions.blocking());
    }
}
