package org.serverlessbench.openwhisk.embedded.hostile;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Requests written byte for byte to 127.0.0.1, as a hostile or broken client would send them. */
final class RawHttp {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)\r\n");

    private RawHttp() {
    }

    /** {@code Authorization: Basic ...} for {@code auth}, with its line end. */
    static String authorization(String auth) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8))
                + "\r\n";
    }

    static Socket connect(int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    /**
     * Sends {@code request} on a new connection and reads until the server closes it (or {@code timeout} passes
     * without a byte): everything the server answered. A reset after the answer counts as the end.
     */
    static String send(int port, byte[] request, Duration timeout) throws IOException {
        try (Socket socket = connect(port, timeout)) {
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (SocketException e) {
                // the server may answer and close before the whole request is written; read what it said
            }
            return readUntilClosed(socket.getInputStream());
        }
    }

    static String send(int port, String request, Duration timeout) throws IOException {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1), timeout);
    }

    static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("the server neither answered nor closed the connection; so far: "
                    + answer.toString(StandardCharsets.ISO_8859_1));
        } catch (SocketException e) {
            // reset after the answer, or before any
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads one answer with a {@code Content-Length} body from a connection that stays open, and returns its head and
     * body; the server closing the connection before the whole answer is an {@link EOFException}.
     */
    static String readOne(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed the connection; its answer so far: " + head);
            }
            head.append((char) b);
        }
        Matcher length = CONTENT_LENGTH.matcher(head);
        if (!length.find()) {
            throw new IOException("the answer has no Content-Length: " + head);
        }
        byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
        return head + new String(body, StandardCharsets.ISO_8859_1);
    }

    /** The status code of the answer's first line, or -1 when there was no answer. */
    static int status(String answer) {
        if (!answer.startsWith("HTTP/1.1 ") || answer.length() < 12) {
            return -1;
        }
        return Integer.parseInt(answer.substring(9, 12));
    }
}
