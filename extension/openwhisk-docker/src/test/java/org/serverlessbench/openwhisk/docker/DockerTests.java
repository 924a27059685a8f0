package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessbench.openwhisk.embedded.runtime.ActionContainer;
import org.serverlessbench.openwhisk.embedded.runtime.RuntimeResponse;

/** What the Docker tests share: skipping without what they need, running a probe, removing the images they made. */
final class DockerTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private DockerTests() {
    }

    /**
     * Skips the test without what {@code tests} need ({@code missing} says why it is not there), except under
     * {@code CI=true}, which starts all of it: there the test fails.
     */
    static void assumeAvailable(String tests, String need, Optional<String> missing) {
        if (missing.isPresent()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true and the " + tests + " tests need " + need + ": " + missing.get());
            }
            assumeTrue(false, tests + " tests skipped: " + missing.get());
        }
    }

    /** Initialises a 256 MB container of the kind's runtime image with the action, runs it once, answers the result. */
    static JsonNode runOnce(DockerEngine engine, String kind, String main, boolean binary, String code)
            throws Exception {
        String init = JSON.writeValueAsString(Map.of("value",
                Map.of("name", "probe", "main", main, "binary", binary, "code", code)));
        try (DockerContainerFactory factory = DockerContainerFactory.newBuilder().engine(engine).allKinds(true)
                .build();
                ActionContainer container = factory.create(kind, 256, Map.of())) {
            RuntimeResponse initialized = container.init(init, TIMEOUT);
            assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);

            RuntimeResponse run = container.run("{\"value\":{}}", TIMEOUT);
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
            return JSON.readTree(run.body());
        }
    }

    /**
     * Removes images in the order given, dependants before the images they are built on. Removal also prunes the
     * untagged images below, so an image already gone with a dependant is not an error; {@code noPrune} instead would
     * leave the intermediate images of every build behind.
     */
    static void removeImages(DockerEngine engine, List<String> ids) {
        for (String id : ids) {
            try {
                engine.client().removeImageCmd(id).withForce(true).exec();
            } catch (NotFoundException alreadyPruned) {
                // pruned with an image removed before it
            }
        }
    }
}
