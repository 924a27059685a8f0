package org.serverlessbench.openwhisk.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.serverlessbench.openwhisk.embedded.RestCalls.Answer;

/**
 * The server's dispatcher thread serves requests whose body has arrived; a request whose body is still on its way is
 * read elsewhere, so that a slow client cannot stop the server answering everyone else.
 */
class ControllerDispatchTest {
    private static EmbeddedOpenWhisk openWhisk;
    private static RestCalls rest;

    @BeforeAll
    static void start() throws Exception {
        openWhisk = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0).start();
        rest = new RestCalls(openWhisk.apiHost(), openWhisk.auth());
    }

    @AfterAll
    static void stop() {
        openWhisk.close();
    }

    @Test
    @Timeout(30)
    void answersOthersWhileARequestBodyIsStillArriving() throws Exception {
        String body = "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main() { return {}; }\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int split = bytes.length / 2;
        try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), URI.create(openWhisk.apiHost()).getPort())) {
            slow.setSoTimeout(10_000);
            OutputStream out = slow.getOutputStream();
            String auth = Base64.getEncoder().encodeToString(openWhisk.auth().getBytes(StandardCharsets.UTF_8));
            out.write(("PUT /api/v1/namespaces/_/actions/slowly HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
                    + auth + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, split);
            out.flush();
            Thread.sleep(200);

            Answer meanwhile = rest.get("/api/v1/namespaces/_/actions");

            assertThat(meanwhile.status()).isEqualTo(200);
            out.write(bytes, split, bytes.length - split);
            out.flush();
            String answer = readAll(slow.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"name\":\"slowly\"");
        }
    }

    @Test
    @Timeout(30)
    void readsAChunkedRequestBody() throws Exception {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), URI.create(openWhisk.apiHost()).getPort())) {
            client.setSoTimeout(10_000);
            String auth = Base64.getEncoder().encodeToString(openWhisk.auth().getBytes(StandardCharsets.UTF_8));
            String body = "{\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main() { return {}; }\"}}";
            String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
            client.getOutputStream().write(("PUT /api/v1/namespaces/_/actions/chunked HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Basic " + auth + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunked)
                    .getBytes(StandardCharsets.US_ASCII));

            String answer = readAll(client.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"name\":\"chunked\"");
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }
}
