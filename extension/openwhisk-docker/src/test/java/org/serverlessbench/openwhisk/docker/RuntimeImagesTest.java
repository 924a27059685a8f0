package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Image;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DockerTest
class RuntimeImagesTest {

    private final DockerEngine engine;
    private final DockerImages images;
    private final RuntimeImages runtimes;

    RuntimeImagesTest(DockerEngine engine) {
        this.engine = engine;
        this.images = new DockerImages(engine);
        this.runtimes = new RuntimeImages(images);
    }

    @Test
    void everyKindHasARuntimeImageWithItsPortVariable() {
        for (String kind : RuntimeImages.kinds()) {
            String reference = runtimes.ensure(kind);
            assertThat(images.find(reference)).hasValueSatisfying(image -> {
                assertThat(image.getConfig().getLabels())
                        .containsEntry(ImageLabels.PORT_VARIABLE, "OW_PROXY_PORT")
                        .containsEntry(ImageLabels.ANNOUNCES_PORT, "true")
                        .containsKey(ImageLabels.CONTENT_HASH);
            });
        }
    }

    @Test
    void aSecondBuildOfUnchangedContentIsACacheHit(@TempDir Path context) throws Exception {
        String base = runtimes.ensureBase();
        Files.writeString(context.resolve("Dockerfile"),
                "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY hello.txt /hello.txt\n");
        Files.writeString(context.resolve("hello.txt"), "hello " + System.nanoTime());
        ImageBuild build = new ImageBuild(context.resolve("Dockerfile"), context, "openwhisk-junit/test-cache:1",
                Map.of("BASE_IMAGE", base));
        java.util.List<String> made = new java.util.ArrayList<>();
        try {
            BuiltImage first = images.build(build);
            made.add(first.id());
            long start = System.nanoTime();
            BuiltImage second = images.build(build);
            long hitMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(first.cacheHit()).isFalse();
            assertThat(second.cacheHit()).isTrue();
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(hitMs).as("cache hit in ms").isLessThan(20_000);
            assertThat(new String(images.copyFile(build.reference(), "/hello.txt"), StandardCharsets.UTF_8))
                    .startsWith("hello ");

            Files.writeString(context.resolve("hello.txt"), "changed");
            BuiltImage changed = images.build(build);
            made.add(changed.id());
            assertThat(changed.cacheHit()).isFalse();
        } finally {
            DockerTests.removeImages(engine, made);
        }
    }

    @Test
    void aPreparedContextIsBuiltFromACopyAndItsCacheHitPreparesNothing(@TempDir Path context) throws Exception {
        String base = runtimes.ensureBase();
        Files.writeString(context.resolve("Dockerfile"),
                "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY made-on-host /made-on-host\n");
        ImageBuild build = new ImageBuild(context.resolve("Dockerfile"), context, "openwhisk-junit/test-prepared:1",
                Map.of("BASE_IMAGE", base));
        String from = "package-lock " + System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger preparations = new java.util.concurrent.atomic.AtomicInteger();
        DockerImages.ContextPreparation prepare = staged -> {
            preparations.incrementAndGet();
            Files.createDirectories(staged.resolve("made-on-host"));
            Files.writeString(staged.resolve("made-on-host/module.js"), from);
        };
        java.util.List<String> made = new java.util.ArrayList<>();
        try {
            BuiltImage first = images.build(build, from, prepare);
            made.add(first.id());
            BuiltImage second = images.build(build, from, prepare);
            BuiltImage otherSource = images.build(build, from + " changed", prepare);
            made.add(otherSource.id());

            assertThat(first.cacheHit()).isFalse();
            assertThat(second.cacheHit()).isTrue();
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(otherSource.cacheHit()).isFalse();
            assertThat(preparations).hasValue(2);
            assertThat(new String(images.copyFile(first.id(), "/made-on-host/module.js"), StandardCharsets.UTF_8))
                    .isEqualTo(from);
            assertThat(context.resolve("made-on-host")).as("the user's context is left as it was").doesNotExist();
        } finally {
            DockerTests.removeImages(engine, made);
        }
    }

    @Test
    void aDockerfileBelowTheContextRootGetsTheWholeContext(@TempDir Path context) throws Exception {
        String base = runtimes.ensureBase();
        Path dockerfile = Files.createDirectories(context.resolve("docker/java")).resolve("Dockerfile");
        Files.writeString(dockerfile, "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY sources/Main.java /Main.java\n");
        Files.createDirectories(context.resolve("sources"));
        Files.writeString(context.resolve("sources/Main.java"), "class Main { } // " + System.nanoTime());
        ImageBuild build = new ImageBuild(dockerfile, context, "openwhisk-junit/test-nested:1",
                Map.of("BASE_IMAGE", base));

        BuiltImage built = images.build(build);
        try {
            assertThat(new String(images.copyFile(built.id(), "/Main.java"), StandardCharsets.UTF_8))
                    .startsWith("class Main");
        } finally {
            engine.client().removeImageCmd(built.id()).withForce(true).exec();
        }
    }

    @Test
    void theBuildStageOfAChildImageDoesNotTakeOverItsBasesCacheHit(@TempDir Path temp) throws Exception {
        String debian = runtimes.ensureBase();
        Path baseContext = Files.createDirectories(temp.resolve("base"));
        Files.writeString(baseContext.resolve("Dockerfile"), "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY a.txt /a.txt\n");
        Files.writeString(baseContext.resolve("a.txt"), "base " + System.nanoTime());
        ImageBuild baseBuild = new ImageBuild(baseContext.resolve("Dockerfile"), baseContext,
                "openwhisk-junit/test-base:1", Map.of("BASE_IMAGE", debian));
        Path childContext = Files.createDirectories(temp.resolve("child"));
        Files.writeString(childContext.resolve("Dockerfile"), "ARG BASE_IMAGE\nFROM ${BASE_IMAGE} AS build\n"
                + "RUN echo built > /built\n\nFROM ${BASE_IMAGE}\nCOPY --from=build /built /built\n");
        ImageBuild childBuild = new ImageBuild(childContext.resolve("Dockerfile"), childContext,
                "openwhisk-junit/test-child:1", Map.of("BASE_IMAGE", baseBuild.reference()));
        BuiltImage base = images.build(baseBuild);
        String child = null;
        try {
            child = images.build(childBuild).id();

            BuiltImage again = images.build(baseBuild);

            assertThat(again.cacheHit()).isTrue();
            assertThat(again.id()).as("the base, not the child's build stage that inherited its label")
                    .isEqualTo(base.id());
            assertThat(images.find(baseBuild.reference()).orElseThrow().getId()).isEqualTo(base.id());
        } finally {
            List<String> removals = new ArrayList<>();
            if (child != null) {
                removals.add(child);
            }
            // the build stage (untagged, with the base's label) before the base itself: both are often made in the
            // same second, so their creation times cannot order them
            engine.client().listImagesCmd().withLabelFilter(Map.of(ImageLabels.CONTENT_HASH, base.contentHash()))
                    .exec().stream()
                    .map(Image::getId)
                    .filter(id -> !id.equals(base.id()))
                    .forEach(removals::add);
            removals.add(base.id());
            DockerTests.removeImages(engine, removals);
        }
    }
}
