package org.serverlessbench.openwhisk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server with a self-signed certificate: refused by default, accepted with insecure, like {@code wsk -i}. */
class InsecureTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    /** keytool takes seconds on a busy machine: one certificate for the class. */
    private static SSLContext serverTls;

    private MockOpenWhisk openWhisk;

    @BeforeAll
    static void createCertificate() throws Exception {
        serverTls = selfSignedContext();
    }

    @BeforeEach
    void startHttpsServer() throws Exception {
        openWhisk = new MockOpenWhisk(false);
        openWhisk.server.useHttps(serverTls.getSocketFactory());
        openWhisk.server.start();
    }

    @AfterEach
    void stop() {
        openWhisk.close();
    }

    private static SSLContext selfSignedContext() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS)) {
            keytool.destroyForcibly();
            throw new AssertionError("keytool did not finish within 60 s");
        }
        assertThat(keytool.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private String httpsApiHost() {
        return "https://" + openWhisk.server.getHostName() + ":" + openWhisk.server.getPort();
    }

    @Test
    void insecureAcceptsTheSelfSignedCertificate() {
        openWhisk.enqueue(200, "[\"guest\"]");

        try (OpenWhiskClient client = openWhisk.clientBuilder().apiHost(httpsApiHost()).insecure(true).build()) {
            assertThat(client.listNamespaces()).containsExactly("guest");
        }
    }

    @Test
    void withoutInsecureTheCertificateIsRefusedWithAHint() {
        try (OpenWhiskClient client = openWhisk.clientBuilder().apiHost(httpsApiHost()).build()) {
            assertThatThrownBy(client::listNamespaces)
                    .isInstanceOfSatisfying(OpenWhiskConnectionException.class,
                            e -> assertThat(e.statusCode()).isZero())
                    .hasMessageContaining("openwhisk.insecure=true")
                    .hasMessageNotContaining("http://");
        }
    }
}
