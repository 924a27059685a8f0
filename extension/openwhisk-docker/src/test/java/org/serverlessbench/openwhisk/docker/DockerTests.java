package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
}
