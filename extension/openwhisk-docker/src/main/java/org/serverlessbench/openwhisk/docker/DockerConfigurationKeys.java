package org.serverlessbench.openwhisk.docker;

/**
 * The configuration keys of Docker-image actions (JUnit configuration parameters or system properties). Each key
 * may also be given as an environment variable: upper case with {@code _} for {@code .}, such as
 * {@code OPENWHISK_DOCKER_REGISTRY}. See {@code docs/docker.md}.
 */
public final class DockerConfigurationKeys {

    /** The registry images are pushed to and pulled from, such as {@code 127.0.0.1:5000}; none: images stay local. */
    public static final String REGISTRY = "openwhisk.docker.registry";

    /** The registry user; default the entry for the registry in the Docker client's {@code config.json}. */
    public static final String USERNAME = "openwhisk.docker.username";

    /** The registry password; never printed. Default as {@link #USERNAME}. */
    public static final String PASSWORD = "openwhisk.docker.password";

    /** Which containers the embedded OpenWhisk runs actions in: {@code process} (default) or {@code docker}. */
    public static final String EMBEDDED_CONTAINERS = "openwhisk.embedded.containers";

    /** The image of the runtime {@code <kind>} for {@code FROM} in function Dockerfiles, such as for nodejs:20. */
    public static final String RUNTIME_IMAGE_PREFIX = "openwhisk.docker.runtime-image.";

    private DockerConfigurationKeys() {
    }

    /** {@code openwhisk.docker.registry} as {@code OPENWHISK_DOCKER_REGISTRY}. */
    public static String environmentVariable(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
