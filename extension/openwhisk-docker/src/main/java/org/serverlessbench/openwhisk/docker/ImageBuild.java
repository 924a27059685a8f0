package org.serverlessbench.openwhisk.docker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * An image to build.
 *
 * @param dockerfile the Dockerfile, inside {@code context}
 * @param context    the build context directory
 * @param reference  the name to tag the image with, such as {@code 127.0.0.1:5000/repo:tag}
 * @param buildArgs  {@code --build-arg} values, such as {@code BASE_IMAGE}
 */
public record ImageBuild(Path dockerfile, Path context, String reference, Map<String, String> buildArgs) {

    public ImageBuild {
        Objects.requireNonNull(dockerfile, "dockerfile == null");
        Objects.requireNonNull(context, "context == null");
        Objects.requireNonNull(reference, "reference == null");
        buildArgs = Map.copyOf(Objects.requireNonNull(buildArgs, "buildArgs == null"));
        dockerfile = dockerfile.toAbsolutePath().normalize();
        context = context.toAbsolutePath().normalize();
        if (!dockerfile.startsWith(context)) {
            throw new IllegalArgumentException("The Dockerfile " + dockerfile + " must be inside the build context "
                    + context + "; move it there or choose a context that contains it");
        }
    }
}
