package org.serverlessbench.openwhisk.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A blocking invoke written byte for byte on one keep-alive socket, its answer read by Content-Length: the least a
 * client can add, so that the server's share of the round trip shows without a client library's.
 */
final class EmbeddedRawInvoker implements AutoCloseable {
    private final int port;
    private final byte[] request;
    private final byte[] head = new byte[16 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    EmbeddedRawInvoker(int port, String namespace, String auth, String action) {
        this.port = port;
        this.request = ("POST /api/v1/namespaces/" + namespace + "/actions/" + action + "?blocking=true HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8))
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends the invoke and reads the whole answer; fails unless it is a 200. */
    void invoke() {
        try {
            if (socket == null) {
                socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = socket.getOutputStream();
            }
            out.write(request);
            out.flush();
            int length = readHead();
            if (head[9] != '2' || head[10] != '0' || head[11] != '0') {
                throw new IllegalStateException("the invoke answered " + new String(head, 0, Math.min(length, 200),
                        StandardCharsets.ISO_8859_1));
            }
            int bodyLength = contentLength(length);
            in.skipNBytes(bodyLength);
            if (closes(length)) {
                close();
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("raw invoke on 127.0.0.1:" + port + " failed", e);
        }
    }

    private int readHead() throws IOException {
        int n = 0;
        while (n < 4 || head[n - 1] != '\n' || head[n - 2] != '\r' || head[n - 3] != '\n' || head[n - 4] != '\r') {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside an answer head");
            }
            if (n == head.length) {
                throw new IOException("answer head longer than " + head.length + " bytes");
            }
            head[n++] = (byte) b;
        }
        return n;
    }

    private int contentLength(int headLength) throws IOException {
        String text = new String(head, 0, headLength, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        int at = text.indexOf("\r\ncontent-length:");
        if (at < 0) {
            throw new IOException("answer without Content-Length: " + text);
        }
        int end = text.indexOf('\r', at + 2);
        return Integer.parseInt(text.substring(at + 17, end).trim());
    }

    private boolean closes(int headLength) {
        return new String(head, 0, headLength, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT)
                .contains("\r\nconnection: close");
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing
            }
            socket = null;
        }
    }
}
