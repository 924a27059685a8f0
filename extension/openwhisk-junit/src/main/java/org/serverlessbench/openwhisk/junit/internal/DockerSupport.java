package org.serverlessbench.openwhisk.junit.internal;

import java.util.Optional;
import java.util.function.Function;
import org.serverlessbench.openwhisk.docker.DockerEngine;
import org.serverlessbench.openwhisk.docker.DockerImages;
import org.serverlessbench.openwhisk.docker.RegistryCredentials;
import org.serverlessbench.openwhisk.docker.RuntimeImages;

/**
 * The Docker engine, image builder, runtime images and registry of one test run, opened when the first image
 * function is read and closed with the run (root Store).
 */
final class DockerSupport implements AutoCloseable {

    private final DockerEngine engine;
    private final DockerImages images;
    private final RuntimeImages runtimes;
    private final Optional<RegistryCredentials> registry;
    private final Function<String, Optional<String>> parameters;

    private DockerSupport(DockerEngine engine, Optional<RegistryCredentials> registry,
            Function<String, Optional<String>> parameters) {
        this.engine = engine;
        this.images = new DockerImages(engine);
        this.runtimes = new RuntimeImages(images);
        this.registry = registry;
        this.parameters = parameters;
    }

    static DockerSupport open(Function<String, Optional<String>> parameters) {
        Optional<RegistryCredentials> registry = RegistryCredentials.resolve(parameters, System.getenv());
        return new DockerSupport(DockerEngine.connect(), registry, parameters);
    }

    Optional<String> unavailableReason() {
        return engine.unavailableReason();
    }

    DockerImages images() {
        return images;
    }

    RuntimeImages runtimes() {
        return runtimes;
    }

    Optional<RegistryCredentials> registry() {
        return registry;
    }

    Optional<String> parameter(String key) {
        return parameters.apply(key).map(String::strip).filter(value -> !value.isEmpty());
    }

    @Override
    public void close() {
        engine.close();
    }
}
