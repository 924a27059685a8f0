package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.exception.NotFoundException;
import java.util.List;
import java.util.Optional;

/** The engine for tests tagged {@code docker}: they are skipped without one, except under {@code CI=true}. */
final class DockerTests {

    private DockerTests() {
    }

    static DockerEngine engine() {
        DockerEngine engine = DockerEngine.connect();
        Optional<String> reason = engine.unavailableReason();
        if (reason.isPresent()) {
            engine.close();
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true and the Docker tests need an engine: " + reason.get());
            }
            assumeTrue(false, "Docker tests skipped: " + reason.get());
        }
        return engine;
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
