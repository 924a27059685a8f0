package org.serverlessbench.openwhisk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages name what a user sets (configuration keys, ~/.wskprops, environment variables), not builder methods. */
class UserFacingMessagesTest {

    @TempDir
    Path home;

    /** Nothing configured anywhere: no parameters, no environment, and a home folder without {@code .wskprops}. */
    private OpenWhiskConfigurationException buildWithNothing(Map<String, String> parameters) {
        String originalHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            return (OpenWhiskConfigurationException) catchThrowable(() -> OpenWhiskClient.newBuilder()
                    .configurationParameters(key -> Optional.ofNullable(parameters.get(key)))
                    .environment(Map.of())
                    .build());
        } finally {
            System.setProperty("user.home", originalHome);
        }
    }

    @Test
    void aMissingApiHostNamesTheKeyTheWskpropsEntryAndTheEnvironmentVariables() {
        OpenWhiskConfigurationException e = buildWithNothing(Map.of());

        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .contains("No OpenWhisk API host configured")
                .contains("openwhisk.apihost=http://127.0.0.1:3233 in src/test/resources/junit-platform.properties")
                .contains("-Dopenwhisk.apihost=")
                .contains("WHISK_APIHOST or __OW_API_HOST")
                .contains("APIHOST in the wsk properties file ~/.wskprops (" + home.resolve(".wskprops")
                        + ", not found)")
                .contains("write http://host:port for a plain-HTTP OpenWhisk")
                .doesNotContain("apiHost(")
                .doesNotContain("builder");
    }

    @Test
    void aMissingAuthNamesTheKeyTheWskpropsEntryAndTheEnvironmentVariables() {
        OpenWhiskConfigurationException e = buildWithNothing(Map.of("openwhisk.apihost", "http://127.0.0.1:3233"));

        assertThat(e).isNotNull();
        assertThat(e.getMessage())
                .contains("No OpenWhisk auth key configured")
                .contains("configuration parameter openwhisk.auth")
                .contains("WHISK_AUTH or __OW_API_KEY")
                .contains("AUTH in the wsk properties file ~/.wskprops")
                .contains("wsk property get --auth")
                .doesNotContain("auth(")
                .doesNotContain("builder");
    }

    @Test
    void withoutConfigurationParametersTheMessageNamesTheSystemProperty() {
        assertThatThrownBy(() -> OpenWhiskClient.newBuilder()
                .environment(Map.of())
                .wskPropertiesFile(home.resolve("absent"))
                .build())
                .isInstanceOf(OpenWhiskConfigurationException.class)
                .hasMessageContaining("the system property openwhisk.apihost (-Dopenwhisk.apihost=")
                .hasMessageNotContaining("junit-platform.properties");
    }

    /** MockWebServer waits for a request line that the TLS client hello never ends, until the read timeout. */
    @Test
    void anApiHostWithoutSchemeOnAPlainHttpServerSuggestsHttp() throws IOException {
        try (MockOpenWhisk plainHttp = new MockOpenWhisk()) {
            String hostAndPort = plainHttp.server.getHostName() + ":" + plainHttp.server.getPort();

            assertTlsFailureSuggestsHttp(hostAndPort);
        }
    }

    @Test
    void anApiHostWithoutSchemeOnAServerThatAnswersInPlainTextSuggestsHttp() throws IOException {
        try (PlainTextServer server = new PlainTextServer()) {
            assertTlsFailureSuggestsHttp("127.0.0.1:" + server.port());
            assertThat(server.connections).as("connections the client made").isPositive();
        }
    }

    private static void assertTlsFailureSuggestsHttp(String hostAndPort) {
        try (OpenWhiskClient client = OpenWhiskClient.newBuilder()
                .auth(MockOpenWhisk.AUTH)
                .configurationParameters(key -> key.equals("openwhisk.apihost")
                        ? Optional.of(hostAndPort) : Optional.empty())
                .environment(Map.of())
                .wskPropertiesFile(Path.of("/nonexistent/wskprops"))
                .maxAttempts(1)
                .readTimeout(Duration.ofSeconds(3))
                .build()) {
            assertThatThrownBy(client::listNamespaces)
                    .isInstanceOf(OpenWhiskConnectionException.class)
                    .hasMessageContaining("The TLS handshake with https://" + hostAndPort
                            + " (from configuration parameter openwhisk.apihost) failed")
                    .hasMessageContaining("write the API host as http://" + hostAndPort)
                    .hasMessageNotContaining("insecure");
        }
    }

    /** A plain-HTTP server on 127.0.0.1 that answers every connection with a 400 and closes it. */
    private static final class PlainTextServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final Thread acceptor = new Thread(this::serve, "plain-text-server");
        private volatile int connections;

        PlainTextServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    connections++;
                    InputStream in = connection.getInputStream();
                    in.read(new byte[512]);
                    OutputStream out = connection.getOutputStream();
                    out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // closed by close(), or the client hung up: either way the next accept decides
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
