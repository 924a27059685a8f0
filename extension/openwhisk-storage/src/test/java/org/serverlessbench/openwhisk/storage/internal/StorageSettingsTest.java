package org.serverlessbench.openwhisk.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.serverlessbench.openwhisk.storage.StorageKeys;

class StorageSettingsTest {

    private static StorageSettings read(Map<String, String> parameters) {
        return StorageSettings.read(key -> Optional.ofNullable(parameters.get(key)));
    }

    @Test
    void withoutConfigurationBothServicesAreEmbeddedAndCleanupIsAlways() {
        StorageSettings settings = read(Map.of());

        assertThat(settings.object()).isNull();
        assertThat(settings.nosql()).isNull();
        assertThat(settings.cleanup()).isEqualTo(StorageSettings.Cleanup.ALWAYS);
        assertThat(settings.workDirectory()).isAbsolute().endsWith(java.nio.file.Path.of("target",
                "openwhisk-storage"));
    }

    @Test
    void remoteEndpointsAcceptHostPortOrHttpUrls() {
        StorageSettings settings = read(Map.of(StorageKeys.OBJECT_ENDPOINT, "minio.local:9011",
                StorageKeys.OBJECT_ACCESS_KEY, "a", StorageKeys.OBJECT_SECRET_KEY, "s",
                StorageKeys.NOSQL_ENDPOINT, "http://127.0.0.1:9012/", StorageKeys.NOSQL_REGION, "eu-west-1"));

        assertThat(settings.object().hostPort()).isEqualTo("minio.local:9011");
        assertThat(settings.object().accessKey()).isEqualTo("a");
        assertThat(settings.nosql().hostPort()).isEqualTo("127.0.0.1:9012");
        assertThat(settings.nosql().region()).isEqualTo("eu-west-1");
        assertThat(settings.nosql().accessKey()).isEqualTo("none");
    }

    @Test
    void anObjectEndpointWithoutKeysNamesTheMissingKey() {
        assertThatThrownBy(() -> read(Map.of(StorageKeys.OBJECT_ENDPOINT, "127.0.0.1:9000",
                StorageKeys.OBJECT_ACCESS_KEY, "a")))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("openwhisk.storage.object.endpoint is \"127.0.0.1:9000\", but"
                        + " openwhisk.storage.object.secretKey is not set; set both openwhisk.storage.object.accessKey"
                        + " and openwhisk.storage.object.secretKey to the service's credentials");
    }

    @Test
    void anEndpointThatIsNotPlainHttpIsRefused() {
        assertThatThrownBy(() -> read(Map.of(StorageKeys.NOSQL_ENDPOINT, "https://alternator:8043")))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("openwhisk.storage.nosql.endpoint is \"https://alternator:8043\", but must be"
                        + " host:port or http://host:port");
    }

    @Test
    void cleanupFollowsTheActionCleanupUnlessSetItself() {
        assertThat(read(Map.of("openwhisk.cleanup", "never")).cleanup()).isEqualTo(StorageSettings.Cleanup.NEVER);
        assertThat(read(Map.of("openwhisk.cleanup", "never", StorageKeys.CLEANUP, "on-success")).cleanup())
                .isEqualTo(StorageSettings.Cleanup.ON_SUCCESS);
        assertThatThrownBy(() -> read(Map.of(StorageKeys.CLEANUP, "sometimes")))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration parameter openwhisk.storage.cleanup is \"sometimes\", but must be one of:"
                        + " always, on-success, never (default always)");
    }
}
