package org.serverlessbench.openwhisk.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

class EmbeddedObjectStoreTest {

    @Test
    void storesObjectsOnLoopbackWithTheRunsCredentialsAndStopsListeningWhenClosed() throws Exception {
        String hostPort;
        byte[] content = new byte[3 * 1024 * 1024];
        new Random(42).nextBytes(content);
        try (EmbeddedObjectStore store = EmbeddedObjectStore.start()) {
            hostPort = store.hostPort();
            assertThat(hostPort).startsWith("127.0.0.1:");
            S3Objects objects;
            try (S3Client client = Clients.s3(hostPort, store.credentials())) {
                objects = new S3Objects(client, hostPort, "owj-test-bucket", "311.compression");
                objects.create();
                objects.put(objects.inputPrefix() + "/a.bin", content);
                objects.put(objects.outputPrefix() + "/b.txt", "b".getBytes());

                assertThat(objects.get("311.compression-0-input/a.bin")).isEqualTo(content);
                assertThat(objects.list("")).containsExactly("311.compression-0-input/a.bin",
                        "311.compression-0-output/b.txt");
                assertThat(objects.sebsBucket()).containsEntry("bucket", "owj-test-bucket")
                        .containsEntry("input", "311.compression-0-input")
                        .containsEntry("output", "311.compression-0-output");
                assertThatThrownBy(() -> objects.get("missing"))
                        .hasMessageContaining("Object 'missing' does not exist in bucket 'owj-test-bucket'");

                objects.delete();
                assertThat(client.listBuckets().buckets()).isEmpty();
            }
            try (S3Client stranger = Clients.s3(hostPort, Credentials.random())) {
                assertThatThrownBy(stranger::listBuckets).isInstanceOf(S3Exception.class);
            }
        }
        assertThat(accepts(hostPort)).as("s3proxy still listening on %s", hostPort).isFalse();
    }

    private static boolean accepts(String hostPort) {
        int port = Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
