package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cold starts that start a container created after the previous cold start, never one that has run. */
@DockerTest
class SpareContainersTest {

    private static final String ENV_INIT = "{\"value\":{\"name\":\"env\",\"main\":\"main\",\"binary\":false,\"code\":"
            + "\"function main(args) { return {build: process.env.BUILD}; }\"}}";

    private final DockerEngine engine;

    SpareContainersTest(DockerEngine engine) {
        this.engine = engine;
    }

    @Test
    void theNextColdStartStartsTheSpareCreatedAfterThePreviousOne() throws Exception {
        try (DockerContainerFactory factory = DockerContainerFactory.newBuilder().engine(engine).spareContainers(true)
                .allKinds(true).build()) {
            DockerActionContainer first = (DockerActionContainer) factory.create(RuntimeImages.NODEJS, 128, Map.of());
            factory.awaitSpareContainers();
            List<Container> spares = notStarted(factory);
            assertThat(spares).hasSize(1);
            assertThat(engine.client().inspectContainerCmd(spares.get(0).getId()).exec().getState().getStartedAt())
                    .as("a spare has never run").startsWith("0001-01-01");

            DockerActionContainer second = (DockerActionContainer) factory.create(RuntimeImages.NODEJS, 128, Map.of());

            assertThat(second.containerId()).isEqualTo(spares.get(0).getId()).isNotEqualTo(first.containerId());
            assertThat(second.init(DockerContainerFactoryTest.NOOP_INIT, Duration.ofSeconds(30)).statusCode())
                    .isEqualTo(200);
            factory.awaitSpareContainers();
            assertThat(notStarted(factory)).hasSize(1).noneMatch(spare -> spare.getId().equals(second.containerId()));
        }
    }

    @Test
    void aSpareOfAnImageRebuiltUnderItsReferenceSinceIsNotUsed(@TempDir Path context) throws Exception {
        DockerImages images = new DockerImages(engine);
        String runtime = new RuntimeImages(images).ensure(RuntimeImages.NODEJS);
        String reference = "openwhisk-junit/test-spare:1";
        try (DockerContainerFactory factory = DockerContainerFactory.newBuilder().engine(engine).spareContainers(true)
                .build()) {
            build(images, context, runtime, reference, "one");
            DockerActionContainer first = (DockerActionContainer) factory.create(DockerContainerFactory.BLACKBOX,
                    reference, 128, Map.of());
            assertThat(first.init(ENV_INIT, Duration.ofSeconds(30)).statusCode()).isEqualTo(200);
            assertThat(first.run("{\"value\":{}}", Duration.ofSeconds(30)).body()).contains("\"build\":\"one\"");
            factory.awaitSpareContainers();
            String spare = notStarted(factory).get(0).getId();

            build(images, context, runtime, reference, "two");
            DockerActionContainer second = (DockerActionContainer) factory.create(DockerContainerFactory.BLACKBOX,
                    reference, 128, Map.of());

            assertThat(second.containerId()).isNotEqualTo(spare);
            assertThat(second.init(ENV_INIT, Duration.ofSeconds(30)).statusCode()).isEqualTo(200);
            assertThat(second.run("{\"value\":{}}", Duration.ofSeconds(30)).body()).contains("\"build\":\"two\"");
        }
    }

    private static void build(DockerImages images, Path context, String runtime, String reference, String build)
            throws Exception {
        Files.writeString(context.resolve("Dockerfile"), "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nENV BUILD=" + build
                + "\n");
        images.build(new ImageBuild(context.resolve("Dockerfile"), context, reference, Map.of("BASE_IMAGE", runtime)));
    }

    private List<Container> notStarted(DockerContainerFactory factory) {
        return engine.client().listContainersCmd().withShowAll(true).withStatusFilter(List.of("created"))
                .withLabelFilter(Map.of(ImageLabels.RUN, factory.runId())).exec();
    }
}
