package org.serverlessbench.openwhisk.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where images go and how to log in there. {@link #toString()} never shows the password.
 *
 * @param registry host and port, such as {@code 127.0.0.1:5000}
 * @param username the user, or {@code null} for an anonymous registry
 * @param password the password, or {@code null}
 * @param source   where the credentials came from, for messages
 */
public record RegistryCredentials(String registry, String username, String password, String source) {

    public RegistryCredentials {
        Objects.requireNonNull(registry, "registry == null");
        Objects.requireNonNull(source, "source == null");
    }

    /**
     * The registry from {@link DockerConfigurationKeys#REGISTRY} (a configuration parameter, else its environment
     * variable); the user and password from their keys, else from the Docker client's {@code config.json}
     * ({@code $DOCKER_CONFIG} or {@code ~/.docker}). Empty when no registry is configured.
     */
    public static Optional<RegistryCredentials> resolve(Function<String, Optional<String>> parameters,
            Map<String, String> environment) {
        Optional<String> registry = value(parameters, environment, DockerConfigurationKeys.REGISTRY);
        if (registry.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> user = value(parameters, environment, DockerConfigurationKeys.USERNAME);
        Optional<String> password = value(parameters, environment, DockerConfigurationKeys.PASSWORD);
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("Only one of " + DockerConfigurationKeys.USERNAME + " and "
                    + DockerConfigurationKeys.PASSWORD + " is set for registry " + registry.get()
                    + "; set both, or neither to use the Docker client's config.json");
        }
        if (user.isPresent()) {
            return Optional.of(new RegistryCredentials(registry.get(), user.get(), password.get(),
                    DockerConfigurationKeys.USERNAME + "/" + DockerConfigurationKeys.PASSWORD));
        }
        Path config = clientConfig(environment);
        return Optional.of(fromClientConfig(registry.get(), config)
                .orElse(new RegistryCredentials(registry.get(), null, null, "anonymous (no entry in " + config + ")")));
    }

    private static Optional<String> value(Function<String, Optional<String>> parameters,
            Map<String, String> environment, String key) {
        return parameters.apply(key)
                .or(() -> Optional.ofNullable(environment.get(DockerConfigurationKeys.environmentVariable(key))))
                .map(String::strip).filter(text -> !text.isEmpty());
    }

    private static Path clientConfig(Map<String, String> environment) {
        String directory = environment.get("DOCKER_CONFIG");
        return directory != null && !directory.isBlank() ? Path.of(directory, "config.json")
                : Path.of(System.getProperty("user.home"), ".docker", "config.json");
    }

    /** The {@code auths} entry of {@code registry} in a Docker client {@code config.json}. */
    static Optional<RegistryCredentials> fromClientConfig(String registry, Path config) {
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        JsonNode auths;
        try {
            auths = new ObjectMapper().readTree(Files.readString(config, StandardCharsets.UTF_8)).path("auths");
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the Docker client config " + config + ": "
                    + e.getMessage() + "; fix the file or set " + DockerConfigurationKeys.USERNAME + " and "
                    + DockerConfigurationKeys.PASSWORD, e);
        }
        for (String key : new String[] {registry, "http://" + registry, "https://" + registry}) {
            String auth = auths.path(key).path("auth").asText("");
            if (!auth.isEmpty()) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("The auth of " + key + " in " + config
                            + " is not base64; log in again with `docker login " + registry + "`");
                }
                int colon = decoded.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("The auth of " + key + " in " + config
                            + " is not user:password; log in again with `docker login " + registry + "`");
                }
                return Optional.of(new RegistryCredentials(registry, decoded.substring(0, colon),
                        decoded.substring(colon + 1), config.toString()));
            }
        }
        return Optional.empty();
    }

    boolean anonymous() {
        return username == null;
    }

    @Override
    public String toString() {
        return "RegistryCredentials[registry=" + registry + ", username=" + username + ", password="
                + (password == null ? "none" : "****") + ", source=" + source + "]";
    }
}
