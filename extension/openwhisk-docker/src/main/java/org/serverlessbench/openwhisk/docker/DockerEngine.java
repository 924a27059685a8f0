package org.serverlessbench.openwhisk.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A connection to the Docker engine named by {@code DOCKER_HOST}, or the default socket. No API version is set:
 * docker-java 3.7.0 does not negotiate one, and unversioned paths are answered at the engine's own version.
 */
public final class DockerEngine implements AutoCloseable {

    /** Where the Docker tests say how to get an engine. */
    public static final String HOW_TO_ENABLE = "start a Docker engine (for example `dockerd --storage-driver=overlay2"
            + " --iptables=false --ip-forward=false`, as .ci/run does) or point DOCKER_HOST at one";

    private final DockerClient client;
    private final URI host;

    private DockerEngine(DockerClient client, URI host) {
        this.client = client;
        this.host = host;
    }

    /** Connects lazily: nothing is sent until the first command. */
    public static DockerEngine connect() {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(15))
                .build();
        return new DockerEngine(DockerClientImpl.getInstance(config, http), config.getDockerHost());
    }

    /** Why no engine answers here; empty when one does. */
    public Optional<String> unavailableReason() {
        try {
            client.pingCmd().exec();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("no Docker engine answers at " + host + " (" + e.getMessage() + "); " + HOW_TO_ENABLE);
        }
    }

    /** Where the engine is, such as {@code unix:///var/run/docker.sock}. */
    public URI host() {
        return host;
    }

    DockerClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            System.err.println("[openwhisk-docker] closing the Docker client failed: " + e.getMessage());
        }
    }
}
