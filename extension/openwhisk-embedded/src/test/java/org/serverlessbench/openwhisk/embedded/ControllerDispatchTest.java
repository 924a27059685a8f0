package org.serverlessbench.openwhisk.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.serverlessbench.openwhisk.embedded.RestCalls.Answer;

/**
 * A slow client cannot stop the server answering everyone else, and a 202 sent while the thread that read the invoke
 * still runs its warm activation closes the connection rather than keep the client's next request waiting.
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

    @Test
    @Timeout(30)
    void the202OfAWarmActivationClosesItsConnectionAndNoSecondAnswerFollows() throws Exception {
        rest.put("/api/v1/namespaces/_/actions/sleepy", java.util.Map.of("exec", java.util.Map.of("kind", "nodejs:20",
                "code", "function main(p) { return p.ms ? new Promise(r => setTimeout(() => r({slept: p.ms}), p.ms))"
                        + " : {}; }")));
        assertThat(rest.post("/api/v1/namespaces/_/actions/sleepy?blocking=true", java.util.Map.of()).status())
                .isEqualTo(200);
        int port = URI.create(openWhisk.apiHost()).getPort();
        String auth = "Authorization: Basic "
                + Base64.getEncoder().encodeToString(openWhisk.auth().getBytes(StandardCharsets.UTF_8)) + "\r\n";
        String getAction = "GET /api/v1/namespaces/_/actions/sleepy HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n";
        String id;
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(10_000);
            OutputStream out = client.getOutputStream();
            InputStream in = new java.io.BufferedInputStream(client.getInputStream());
            String body = "{\"ms\":2500}";
            out.write(("POST /api/v1/namespaces/_/actions/sleepy?blocking=true&timeout=300 HTTP/1.1\r\nHost: x\r\n"
                    + auth + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String accepted = readAnswer(in);
            assertThat(accepted).startsWith("HTTP/1.1 202").contains("\"activationId\"");
            id = accepted.substring(accepted.indexOf("\"activationId\":\"") + 16).substring(0, 32);
            // The activation still runs on the thread that read the invoke, and the server reads this connection's
            // next request only when that thread is free: the 202 closes the connection instead of holding it.
            assertThat(rest.get("/api/v1/namespaces/_/activations/" + id).status()).as("record before the end")
                    .isEqualTo(404);
            assertThat(accepted).containsIgnoringCase("Connection: close");
            try (Socket next = new Socket(InetAddress.getLoopbackAddress(), port)) {
                next.setSoTimeout(10_000);
                next.getOutputStream().write(getAction.getBytes(StandardCharsets.US_ASCII));
                String action = readAnswer(new java.io.BufferedInputStream(next.getInputStream()));
                assertThat(action).startsWith("HTTP/1.1 200").contains("\"exec\"");
                assertThat(rest.get("/api/v1/namespaces/_/activations/" + id).status())
                        .as("the next request was served while the activation still ran").isEqualTo(404);
            }
            assertThat(in.read()).as("no second answer on the 202's connection").isEqualTo(-1);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> rest.get("/api/v1/namespaces/_/activations/" + id).status() == 200);
    }

    /** One answer from a keep-alive connection: the head, then exactly Content-Length bytes of body. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("connection closed inside an answer head: %s", head).isNotNegative();
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
        int bytes = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return text + new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }
}
