package org.serverlessbench.openwhisk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Docker image of an {@link OpenWhiskFunction#image() image function}, deployed as SeBS deploys to OpenWhisk:
 * a {@code blackbox} action with this image and, as its code, the handler from {@link OpenWhiskFunction#code()} (a
 * zip for Node.js and Python) or, for Java, the jar {@link #jar()} copied out of the built image. Give either a
 * {@link #dockerfile()} to build or an existing {@link #reference()}. See {@code docs/docker.md}.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DockerImage {

    /**
     * A Dockerfile relative to the module directory. It is built with {@code --build-arg BASE_IMAGE=<runtime image of
     * the function's kind>}, labelled with the hash of its context and skipped while that hash is unchanged.
     */
    String dockerfile() default "";

    /** The build context relative to the module directory; default the Dockerfile's folder. */
    String context() default "";

    /**
     * More {@code --build-arg} values for {@link #dockerfile()}, each {@code NAME=value}, such as
     * {@code FUNCTION=sleep} for one Dockerfile that builds several functions. {@code BASE_IMAGE} is openwhisk-junit's
     * to set. The values are part of the image's content hash.
     */
    String[] buildArgs() default {};

    /** An existing image to deploy instead of building one, such as {@code 127.0.0.1:5000/my-function:1}. */
    String reference() default "";

    /** For Java functions: the jar in the image that is deployed as the action's code, as SeBS does. */
    String jar() default "/function/function.jar";

    /** The benchmark part of the SeBS image tag; default the function's name. */
    String benchmark() default "";
}
