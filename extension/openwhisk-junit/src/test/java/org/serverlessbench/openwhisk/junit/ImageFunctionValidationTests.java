package org.serverlessbench.openwhisk.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** A wrong {@code @DockerImage} fails the class before any image is built or action deployed. */
class ImageFunctionValidationTests {

    @OpenWhiskTest
    @OpenWhiskFunction(name = "both", kind = "nodejs:20", code = "src/test/functions/echo-node",
            image = @DockerImage(dockerfile = "Dockerfile", reference = "some/image:1"))
    @OpenWhiskFunction(name = "no-kind", code = "src/test/functions/echo-node",
            image = @DockerImage(reference = "some/image:1"))
    @OpenWhiskFunction(name = "java-without-main", kind = "java:8", image = @DockerImage(reference = "some/image:1"))
    @OpenWhiskFunction(name = "missing-dockerfile", kind = "python:3.11", code = "src/test/functions/echo-node",
            image = @DockerImage(dockerfile = "src/test/functions/no-such/Dockerfile"))
    @OpenWhiskFunction(name = "arg-without-value", kind = "nodejs:20", code = "src/test/functions/echo-node",
            image = @DockerImage(dockerfile = "Dockerfile", buildArgs = "FUNCTION"))
    @OpenWhiskFunction(name = "base-image-arg", kind = "nodejs:20", code = "src/test/functions/echo-node",
            image = @DockerImage(dockerfile = "Dockerfile", buildArgs = "BASE_IMAGE=mine"))
    @OpenWhiskFunction(name = "args-without-dockerfile", kind = "nodejs:20", code = "src/test/functions/echo-node",
            image = @DockerImage(reference = "some/image:1", buildArgs = "FUNCTION=sleep"))
    static class InvalidImageTestCases {

        @Test
        void test() {
        }
    }

    @Test
    void everyImageProblemIsReportedOnTheClass() {
        OpenWhiskTestKit.Run run = OpenWhiskTestKit.run(InvalidImageTestCases.class, Map.of());

        String type = InvalidImageTestCases.class.getName();
        run.results().containerEvents().assertThatEvents().haveExactly(1, event(
                container(InvalidImageTestCases.class),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(m ->
                        m.contains("@OpenWhiskFunction(name = \"both\") on class " + type
                                + ": @DockerImage sets both 'dockerfile' and 'reference'")
                        && m.contains("@OpenWhiskFunction(name = \"no-kind\") on class " + type
                                + ": attribute 'kind' is \"\", but an image function needs the kind")
                        && m.contains("@OpenWhiskFunction(name = \"java-without-main\") on class " + type
                                + ": attribute 'main' is required for a Java image function")
                        && m.contains("@OpenWhiskFunction(name = \"missing-dockerfile\") on class " + type
                                + ": @DockerImage 'dockerfile' is \"src/test/functions/no-such/Dockerfile\"")
                        && m.contains("@OpenWhiskFunction(name = \"arg-without-value\") on class " + type
                                + ": @DockerImage 'buildArgs' has \"FUNCTION\"; each must be NAME=value")
                        && m.contains("@OpenWhiskFunction(name = \"base-image-arg\") on class " + type
                                + ": @DockerImage 'buildArgs' has \"BASE_IMAGE=mine\"")
                        && m.contains("@OpenWhiskFunction(name = \"args-without-dockerfile\") on class " + type
                                + ": @DockerImage 'buildArgs' needs a 'dockerfile' to build")))));
        assertThat(run.results().testEvents().started().count()).isZero();
    }
}
