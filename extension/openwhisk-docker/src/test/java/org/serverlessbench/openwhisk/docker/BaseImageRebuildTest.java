package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image built on another one through a build arg is rebuilt when that one is, under the same reference. */
@DockerTest
class BaseImageRebuildTest {

    @Test
    void aRebuiltBaseImageMakesTheImagesBuiltOnItStale(DockerEngine engine, @TempDir Path base,
            @TempDir Path derived) throws Exception {
        DockerImages images = new DockerImages(engine);
        String runtime = new RuntimeImages(images).ensure(RuntimeImages.NODEJS);
        Files.writeString(derived.resolve("Dockerfile"), "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n");
        String baseReference = "openwhisk-junit/test-base:1";
        ImageBuild onBase = new ImageBuild(derived.resolve("Dockerfile"), derived, "openwhisk-junit/test-derived:1",
                Map.of("BASE_IMAGE", baseReference));

        // Contents of this run only: images an earlier run left behind would be cache hits.
        String run = UUID.randomUUID().toString();
        List<BuiltImage> built = new ArrayList<>();
        try {
            BuiltImage firstBase = add(built, buildBase(images, base, runtime, baseReference, "one-" + run));
            BuiltImage first = add(built, images.build(onBase));
            BuiltImage again = images.build(onBase);
            BuiltImage secondBase = add(built, buildBase(images, base, runtime, baseReference, "two-" + run));
            BuiltImage second = add(built, images.build(onBase));

            assertThat(again.cacheHit()).isTrue();
            assertThat(again.id()).isEqualTo(first.id());
            assertThat(secondBase.id()).isNotEqualTo(firstBase.id());
            assertThat(second.cacheHit()).isFalse();
            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(engine.client().inspectImageCmd(second.id()).exec().getConfig().getEnv())
                    .contains("BUILD=two-" + run);
        } finally {
            DockerTests.removeImages(engine, built.stream().map(BuiltImage::id).toList());
        }
    }

    private static BuiltImage add(List<BuiltImage> built, BuiltImage image) {
        built.add(0, image);
        return image;
    }

    private static BuiltImage buildBase(DockerImages images, Path context, String runtime, String reference,
            String build) throws Exception {
        Files.writeString(context.resolve("Dockerfile"), "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nENV BUILD=" + build
                + "\n");
        return images.build(new ImageBuild(context.resolve("Dockerfile"), context, reference,
                Map.of("BASE_IMAGE", runtime)));
    }
}
