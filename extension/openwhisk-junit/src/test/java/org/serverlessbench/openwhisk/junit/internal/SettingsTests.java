package org.serverlessbench.openwhisk.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.serverlessbench.openwhisk.junit.TriggerType;

class SettingsTests {

    private static Settings read(Map<String, String> parameters) {
        return Settings.read(key -> Optional.ofNullable(parameters.get(key)));
    }

    @Test
    void defaultsAreEmbeddedAlwaysLibraryAndANewPrefixPerRun() {
        Settings settings = read(Map.of());
        Settings other = read(Map.of());

        assertThat(settings.target()).isEqualTo(Settings.Target.EMBEDDED);
        assertThat(settings.cleanup()).isEqualTo(Settings.Cleanup.ALWAYS);
        assertThat(settings.defaultTrigger()).isEqualTo(TriggerType.LIBRARY);
        assertThat(settings.resultsDirectory()).isEqualTo(Path.of("target/openwhisk-results"));
        assertThat(settings.prefix()).matches("owj-[0-9a-f]{6}-").isNotEqualTo(other.prefix());
        assertThat(settings.actionName("echo")).isEqualTo(settings.prefix() + "echo");
    }

    @Test
    void readsEveryKey() {
        Settings settings = read(Map.of("openwhisk.target", "Remote", "openwhisk.cleanup", "on-success",
                "openwhisk.trigger", "http", "openwhisk.prefix", "ci-", "openwhisk.results.dir", "build/r"));

        assertThat(settings).isEqualTo(new Settings(Settings.Target.REMOTE, "ci-", Settings.Cleanup.ON_SUCCESS,
                TriggerType.HTTP, Path.of("build/r")));
    }

    @Test
    void unknownValueNamesKeyValueAndAllowedValues() {
        assertThatThrownBy(() -> read(Map.of("openwhisk.cleanup", "sometimes")))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration parameter openwhisk.cleanup is \"sometimes\", but must be one of: always,"
                        + " on-success, never (default always)");
        assertThatThrownBy(() -> read(Map.of("openwhisk.target", "cloud")))
                .hasMessageContaining("openwhisk.target", "embedded, remote");
        assertThatThrownBy(() -> read(Map.of("openwhisk.prefix", "a/b")))
                .hasMessageContaining("openwhisk.prefix is \"a/b\"");
    }
}
