package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push, push skip and pull against the authenticated registry that .ci/run starts (OPENWHISK_DOCKER_REGISTRY). */
@DockerTest
class RegistryPushTest {

    private static RegistryCredentials credentials;

    private final DockerEngine engine;
    private final DockerImages images;

    RegistryPushTest(DockerEngine engine) {
        this.engine = engine;
        this.images = new DockerImages(engine);
    }

    @BeforeAll
    static void registry() {
        Optional<RegistryCredentials> configured = RegistryCredentials.resolve(key -> Optional.empty(),
                System.getenv());
        DockerTests.assumeAvailable("Registry", "a registry", configured.isPresent() ? Optional.empty()
                : Optional.of("no registry: set OPENWHISK_DOCKER_REGISTRY (and the user and password, or log in with"
                        + " docker login) as .ci/run does"));
        credentials = configured.orElseThrow();
    }

    @Test
    void pushesOnceSkipsAnUnchangedPushAndPullsBack(@TempDir Path context) throws Exception {
        String base = new RuntimeImages(images).ensureBase();
        Files.writeString(context.resolve("Dockerfile"), "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY x.txt /x.txt\n");
        Files.writeString(context.resolve("x.txt"), Long.toString(System.nanoTime()));
        String reference = credentials.registry() + "/openwhisk-junit-test/push:" + System.nanoTime();
        BuiltImage built = images.build(new ImageBuild(context.resolve("Dockerfile"), context, reference,
                Map.of("BASE_IMAGE", base)));
        try {
            assertThat(images.push(reference, credentials)).as("first push").isTrue();
            assertThat(images.push(reference, credentials)).as("second push of the same image").isFalse();

            engine.client().removeImageCmd(built.id()).withForce(true).exec();
            assertThat(images.find(reference)).isEmpty();
            images.ensurePresent(reference, Optional.of(credentials));
            assertThat(images.find(reference)).isPresent();
        } finally {
            images.find(reference).ifPresent(image -> engine.client().removeImageCmd(image.getId()).withForce(true)
                    .exec());
        }
    }

    @Test
    void aWrongPasswordFailsThePushWithoutShowingIt(@TempDir Path context) throws Exception {
        assumeTrue(!credentials.anonymous(), "the registry is anonymous");
        String base = new RuntimeImages(images).ensureBase();
        Files.writeString(context.resolve("Dockerfile"), "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY y.txt /y.txt\n");
        Files.writeString(context.resolve("y.txt"), Long.toString(System.nanoTime()));
        String reference = credentials.registry() + "/openwhisk-junit-test/denied:1";
        BuiltImage built = images.build(new ImageBuild(context.resolve("Dockerfile"), context, reference,
                Map.of("BASE_IMAGE", base)));
        RegistryCredentials wrong = new RegistryCredentials(credentials.registry(), credentials.username(),
                "wrong-password-123", "test");
        try {
            assertThatThrownBy(() -> images.push(reference, wrong))
                    .isInstanceOf(DockerImageException.class)
                    .hasMessageContaining(reference)
                    .hasMessageNotContaining("wrong-password-123");
        } finally {
            engine.client().removeImageCmd(built.id()).withForce(true).exec();
        }
    }
}
