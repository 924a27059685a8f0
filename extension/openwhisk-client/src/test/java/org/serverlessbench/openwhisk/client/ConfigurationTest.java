package org.serverlessbench.openwhisk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

    private static final String AUTH_A =
            "11111111-2222-3333-4444-555555555555:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String AUTH_B =
            "66666666-7777-8888-9999-000000000000:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    @TempDir
    Path dir;

    private Path wskprops(String text) throws IOException {
        Path file = dir.resolve("wskprops");
        Files.writeString(file, text);
        return file;
    }

    private static OpenWhiskClient.Builder isolated(Map<String, String> parameters, Map<String, String> env,
            Path wskFile) {
        return OpenWhiskClient.newBuilder()
                .configurationParameters(key -> Optional.ofNullable(parameters.get(key)))
                .environment(env)
                .wskPropertiesFile(wskFile);
    }

    private static ClientConfiguration resolve(OpenWhiskClient.Builder builder) {
        try (OpenWhiskClient client = builder.build()) {
            return client.configuration();
        }
    }

    @Test
    void wskPropertiesFileAloneIsEnoughAndApiHostWithoutSchemeMeansHttps() throws IOException {
        Path file = wskprops("# written by wsk\nAPIHOST=openwhisk.example.com:8443/\nAUTH=" + AUTH_A
                + "\nNAMESPACE=team\nAPIVERSION=v1\n");

        ClientConfiguration configuration = resolve(isolated(Map.of(), Map.of(), file));

        assertThat(configuration.apiHost()).isEqualTo(
                new ConfigValue("https://openwhisk.example.com:8443", "APIHOST in " + file));
        assertThat(configuration.auth()).isEqualTo(new ConfigValue(AUTH_A, "AUTH in " + file));
        assertThat(configuration.namespace()).isEqualTo(new ConfigValue("team", "NAMESPACE in " + file));
        assertThat(configuration.insecure()).isFalse();
        assertThat(configuration.maxAttempts()).isEqualTo(3);
    }

    @Test
    void owEnvironmentBeatsTheFile() throws IOException {
        Path file = wskprops("APIHOST=file.example\nAUTH=" + AUTH_A + "\nNAMESPACE=fromfile\n");
        Map<String, String> env = Map.of("__OW_API_HOST", "http://ow.example:3233", "__OW_API_KEY", AUTH_B,
                "__OW_NAMESPACE", "fromenv");

        ClientConfiguration configuration = resolve(isolated(Map.of(), env, file));

        assertThat(configuration.apiHost())
                .isEqualTo(new ConfigValue("http://ow.example:3233", "environment variable __OW_API_HOST"));
        assertThat(configuration.auth()).isEqualTo(new ConfigValue(AUTH_B, "environment variable __OW_API_KEY"));
        assertThat(configuration.namespace())
                .isEqualTo(new ConfigValue("fromenv", "environment variable __OW_NAMESPACE"));
    }

    @Test
    void whiskVariablesBeatOwVariablesAndBlankOnesCountAsUnset() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("WHISK_APIHOST", "whisk.example");
        env.put("__OW_API_HOST", "ow.example");
        env.put("WHISK_AUTH", " ");
        env.put("__OW_API_KEY", AUTH_B);

        ClientConfiguration configuration = resolve(isolated(Map.of(), env, wskprops("")));

        assertThat(configuration.apiHost())
                .isEqualTo(new ConfigValue("https://whisk.example", "environment variable WHISK_APIHOST"));
        assertThat(configuration.auth().source()).isEqualTo("environment variable __OW_API_KEY");
        assertThat(configuration.namespace()).isEqualTo(new ConfigValue("_", "default"));
    }

    @Test
    void configurationParametersBeatTheEnvironment() throws IOException {
        Map<String, String> parameters = Map.of("openwhisk.apihost", "http://param.example",
                "openwhisk.auth", AUTH_A, "openwhisk.namespace", "paramns", "openwhisk.insecure", "TRUE");
        Map<String, String> env = Map.of("WHISK_APIHOST", "env.example", "WHISK_AUTH", AUTH_B,
                "__OW_NAMESPACE", "envns");

        ClientConfiguration configuration = resolve(isolated(parameters, env, wskprops("")));

        assertThat(configuration.apiHost())
                .isEqualTo(new ConfigValue("http://param.example", "configuration parameter openwhisk.apihost"));
        assertThat(configuration.auth().source()).isEqualTo("configuration parameter openwhisk.auth");
        assertThat(configuration.namespace().value()).isEqualTo("paramns");
        assertThat(configuration.insecure()).isTrue();
    }

    @Test
    void builderBeatsEverything() throws IOException {
        Map<String, String> parameters = Map.of("openwhisk.apihost", "param.example", "openwhisk.auth", AUTH_A,
                "openwhisk.insecure", "true");
        Map<String, String> env = Map.of("WHISK_APIHOST", "env.example", "WHISK_AUTH", AUTH_A);

        ClientConfiguration configuration = resolve(isolated(parameters, env, wskprops("APIHOST=file.example"))
                .apiHost("http://127.0.0.1:3233/").auth(AUTH_B).namespace("guest").insecure(false)
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(3)).maxAttempts(5));

        assertThat(configuration).isEqualTo(new ClientConfiguration(
                new ConfigValue("http://127.0.0.1:3233", "builder"), new ConfigValue(AUTH_B, "builder"),
                new ConfigValue("guest", "builder"), false, Duration.ofSeconds(2), Duration.ofSeconds(3), 5));
    }

    @Test
    void systemPropertiesAreTheDefaultConfigurationParameters() {
        String previous = System.getProperty("openwhisk.apihost");
        System.setProperty("openwhisk.apihost", "sysprop.example");
        try (OpenWhiskClient client = OpenWhiskClient.newBuilder().auth(AUTH_A)
                .environment(Map.of("WHISK_APIHOST", "env.example"))
                .wskPropertiesFile(dir.resolve("absent")).build()) {
            assertThat(client.configuration().apiHost()).isEqualTo(
                    new ConfigValue("https://sysprop.example", "system property openwhisk.apihost"));
        } finally {
            if (previous == null) {
                System.clearProperty("openwhisk.apihost");
            } else {
                System.setProperty("openwhisk.apihost", previous);
            }
        }
    }

    @Test
    void wskConfigFileVariableChoosesTheFile() throws IOException {
        Path file = wskprops("APIHOST=http://chosen.example\nAUTH=" + AUTH_A);

        ClientConfiguration configuration = resolve(OpenWhiskClient.newBuilder()
                .configurationParameters(key -> Optional.empty())
                .environment(Map.of("WSK_CONFIG_FILE", file.toString())));

        assertThat(configuration.apiHost().source()).isEqualTo("APIHOST in " + file);
    }

    @Test
    void homeWskpropsIsTheLastResort() throws IOException {
        Files.writeString(dir.resolve(".wskprops"), "APIHOST=home.example\nAUTH=" + AUTH_A);
        String home = System.getProperty("user.home");
        System.setProperty("user.home", dir.toString());
        try {
            ClientConfiguration configuration = resolve(OpenWhiskClient.newBuilder()
                    .configurationParameters(key -> Optional.empty()).environment(Map.of()));
            assertThat(configuration.apiHost()).isEqualTo(
                    new ConfigValue("https://home.example", "APIHOST in " + dir.resolve(".wskprops")));
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void emptyWskConfigFileVariableMeansNoFileAndTheMessageSaysWhereItLooked() {
        assertThatThrownBy(() -> OpenWhiskClient.newBuilder()
                .configurationParameters(key -> Optional.empty())
                .environment(Map.of("WSK_CONFIG_FILE", "", "WHISK_AUTH", AUTH_A)).build())
                .isInstanceOf(OpenWhiskConfigurationException.class)
                .hasMessageContaining("No OpenWhisk API host configured")
                .hasMessageContaining("configuration parameter openwhisk.apihost")
                .hasMessageContaining("WHISK_APIHOST or __OW_API_HOST")
                .hasMessageContaining("WSK_CONFIG_FILE is empty");
    }

    @Test
    void missingAuthNamesTheMissingFile() {
        Path absent = dir.resolve("nope");

        assertThatThrownBy(() -> isolated(Map.of(), Map.of(), absent).apiHost("localhost").build())
                .isInstanceOf(OpenWhiskConfigurationException.class)
                .hasMessageContaining("No OpenWhisk auth key configured")
                .hasMessageContaining("AUTH in the wsk properties file " + absent + " (not found)");
    }

    @Test
    void malformedAuthNamesItsSourceButNotItsValue() throws IOException {
        Path file = wskprops("APIHOST=localhost\nAUTH=not-a-uuid:s3cr3tKeyValue\n");

        assertThatThrownBy(() -> isolated(Map.of(), Map.of(), file).build())
                .isInstanceOf(OpenWhiskConfigurationException.class)
                .hasMessageContaining("The auth from AUTH in " + file + " is malformed")
                .hasMessageContaining("not a UUID")
                .hasMessageNotContaining("s3cr3tKeyValue")
                .hasMessageNotContaining("not-a-uuid");
        assertThatThrownBy(() -> isolated(Map.of(), Map.of("WHISK_AUTH", "s3cr3tKeyValue"), file).build())
                .hasMessageContaining("environment variable WHISK_AUTH")
                .hasMessageContaining("no ':'")
                .hasMessageNotContaining("s3cr3tKeyValue");
        assertThatThrownBy(() -> isolated(Map.of(), Map.of(), file)
                .auth("11111111-2222-3333-4444-555555555555:").build())
                .hasMessageContaining("The auth from builder is malformed")
                .hasMessageContaining("the key after ':' is empty");
    }

    @Test
    void badValuesNameTheirSource() throws IOException {
        Path file = wskprops("AUTH=" + AUTH_A);

        assertThatThrownBy(() -> isolated(Map.of("openwhisk.insecure", "yes"), Map.of(), file)
                .apiHost("localhost").build())
                .isInstanceOf(OpenWhiskConfigurationException.class)
                .hasMessageContaining("'yes' of configuration parameter openwhisk.insecure is not a boolean");
        assertThatThrownBy(() -> isolated(Map.of(), Map.of("WHISK_APIHOST", "ftp://files.example"), file).build())
                .hasMessageContaining("'ftp://files.example' from environment variable WHISK_APIHOST")
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> isolated(Map.of(), Map.of("WHISK_APIVERSION", "v2"), file)
                .apiHost("localhost").build())
                .hasMessageContaining("'v2' from environment variable WHISK_APIVERSION is not supported");
        assertThatThrownBy(() -> isolated(Map.of(), Map.of(), file).apiHost("localhost").maxAttempts(0).build())
                .hasMessageContaining("maxAttempts must be at least 1");
        assertThatThrownBy(() -> isolated(Map.of(), Map.of(), file).apiHost("localhost")
                .readTimeout(Duration.ZERO).build())
                .hasMessageContaining("readTimeout must be a positive duration");
    }
}
