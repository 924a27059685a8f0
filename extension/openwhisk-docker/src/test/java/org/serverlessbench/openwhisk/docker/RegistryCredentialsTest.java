package org.serverlessbench.openwhisk.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCredentialsTest {

    @Test
    void keysComeFirstThenTheirEnvironmentVariables() {
        Map<String, String> env = Map.of("OPENWHISK_DOCKER_REGISTRY", "127.0.0.1:5000",
                "OPENWHISK_DOCKER_USERNAME", "ci", "OPENWHISK_DOCKER_PASSWORD", "secret-from-env");
        RegistryCredentials fromEnv = RegistryCredentials.resolve(key -> Optional.empty(), env).orElseThrow();
        assertThat(fromEnv.registry()).isEqualTo("127.0.0.1:5000");
        assertThat(fromEnv.username()).isEqualTo("ci");

        RegistryCredentials fromKeys = RegistryCredentials.resolve(key -> switch (key) {
            case DockerConfigurationKeys.USERNAME -> Optional.of("alice");
            case DockerConfigurationKeys.PASSWORD -> Optional.of("from-key");
            default -> Optional.empty();
        }, env).orElseThrow();
        assertThat(fromKeys.username()).isEqualTo("alice");
        assertThat(fromKeys.password()).isEqualTo("from-key");
    }

    @Test
    void noRegistryMeansNoCredentials() {
        assertThat(RegistryCredentials.resolve(key -> Optional.empty(), Map.of())).isEmpty();
    }

    @Test
    void fallsBackToTheDockerClientConfig(@TempDir Path dockerConfig) throws Exception {
        String auth = Base64.getEncoder().encodeToString("bob:pa:ss".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dockerConfig.resolve("config.json"),
                "{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"" + auth + "\"}}}");
        RegistryCredentials credentials = RegistryCredentials.resolve(key -> Optional.empty(),
                Map.of("OPENWHISK_DOCKER_REGISTRY", "127.0.0.1:5000", "DOCKER_CONFIG", dockerConfig.toString()))
                .orElseThrow();
        assertThat(credentials.username()).isEqualTo("bob");
        assertThat(credentials.password()).isEqualTo("pa:ss");
        assertThat(credentials.source()).endsWith("config.json");
    }

    @Test
    void thePasswordNeverAppearsInTextOrErrors() {
        RegistryCredentials credentials = new RegistryCredentials("r:5000", "u", "hunter2", "test");
        assertThat(credentials.toString()).doesNotContain("hunter2").contains("****");
        assertThatThrownBy(() -> RegistryCredentials.resolve(key -> key.equals(DockerConfigurationKeys.PASSWORD)
                ? Optional.of("hunter2") : Optional.empty(), Map.of("OPENWHISK_DOCKER_REGISTRY", "r:5000")))
                .hasMessageContaining(DockerConfigurationKeys.USERNAME)
                .hasMessageNotContaining("hunter2");
    }
}
