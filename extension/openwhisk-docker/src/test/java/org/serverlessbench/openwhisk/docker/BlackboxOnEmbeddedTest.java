package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.serverlessbench.openwhisk.client.ActionLimits;
import org.serverlessbench.openwhisk.client.ActionPut;
import org.serverlessbench.openwhisk.client.Exec;
import org.serverlessbench.openwhisk.client.InvokeOptions;
import org.serverlessbench.openwhisk.client.InvokeResult;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.embedded.EmbeddedOpenWhisk;
import org.serverlessbench.openwhisk.embedded.runtime.ProcessContainerFactory;

/** A blackbox action (an image built on the project's nodejs runtime) through the embedded OpenWhisk's REST API. */
@DockerTest
class BlackboxOnEmbeddedTest {

    private static EmbeddedOpenWhisk openWhisk;
    private static OpenWhiskClient client;
    private static DockerContainerFactory factory;

    @BeforeAll
    static void start(DockerEngine engine) throws Exception {
        factory = DockerContainerFactory.newBuilder().engine(engine).processes(new ProcessContainerFactory()).build();
        openWhisk = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0).containerFactory(factory).start();
        client = OpenWhiskClient.newBuilder().apiHost(openWhisk.apiHost()).auth(openWhisk.auth())
                .configurationParameters(key -> Optional.empty()).environment(Map.of()).build();
    }

    @AfterAll
    static void stop() {
        if (openWhisk != null) {
            openWhisk.close();
        }
    }

    @Test
    void runsABlackboxActionColdThenWarmAndRemovesItsContainerOnClose(DockerEngine engine, @TempDir Path context)
            throws Exception {
        DockerImages images = new DockerImages(engine);
        String runtime = new RuntimeImages(images).ensure("nodejs:20");
        Files.writeString(context.resolve("Dockerfile"), "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n"
                + "ENV GREETING=from-the-image\n");
        BuiltImage image = images.build(new ImageBuild(context.resolve("Dockerfile"), context,
                "openwhisk-junit/test-blackbox:1", Map.of("BASE_IMAGE", runtime)));
        String code = "function main(args) { return {greeting: process.env.GREETING, name: args.name,"
                + " action: process.env.__OW_ACTION_NAME}; }";
        client.updateAction("hello-image", ActionPut.newBuilder()
                .exec(new Exec("blackbox", code, false, "main", image.reference()))
                .limits(new ActionLimits(30_000, 192, null, null))
                .build());

        InvokeResult cold = client.invoke("hello-image", Map.of("name", "x"), InvokeOptions.blocking());
        InvokeResult warm = client.invoke("hello-image", Map.of("name", "y"), InvokeOptions.blocking());

        assertThat(cold.success()).as("cold: %s", cold).isTrue();
        assertThat(cold.activation().cold()).isTrue();
        assertThat(asMap(cold.result())).containsEntry("greeting", "from-the-image")
                .containsEntry("name", "x").containsEntry("action", "/guest/hello-image");
        assertThat(warm.activation().cold()).isFalse();
        assertThat(asMap(warm.result())).containsEntry("name", "y");
        assertThat(engine.client().listContainersCmd().withLabelFilter(Map.of(ImageLabels.RUN, factory.runId()))
                .exec()).hasSize(1).allSatisfy(container -> assertThat(container.getImage())
                        .isEqualTo(image.reference()));
        assertThat(client.activationLogs(cold.activationId())).isNotNull();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object result) {
        assertThat(result).isInstanceOf(Map.class);
        return (Map<String, Object>) result;
    }
}
