package org.serverlessbench.openwhisk.embedded.controller;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One HTTP/1.1 request on a {@link ConnectionServer} connection and its answer: the request head, a body stream
 * (fixed length or chunked) and a response written once, by whichever thread answers.
 */
final class SocketExchange implements Exchange, AutoCloseable {
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 200;
    /** Unread body bytes the connection reads and drops to stay usable; beyond that it is closed. */
    private static final long MAX_DRAIN = 1024 * 1024;
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Socket socket;
    private final OutputStream out;
    private final String method;
    private final URI uri;
    private final boolean clientKeepsAlive;
    private final Headers requestHeaders;
    private final InputStream body;
    private final Headers responseHeaders = new Headers();
    private ResponseBody responseBody;
    private final Thread handlerThread = Thread.currentThread();
    private final Consumer<SocketExchange> handOver;
    private boolean closeAfter;
    private boolean closed;
    private boolean handlerRunning = true;
    private boolean handedOver;

    private SocketExchange(Socket socket, OutputStream out, String method, URI uri, boolean clientKeepsAlive,
            Headers requestHeaders, InputStream body, Consumer<SocketExchange> handOver) {
        this.socket = socket;
        this.handOver = handOver;
        this.out = out;
        this.method = method;
        this.uri = uri;
        this.clientKeepsAlive = clientKeepsAlive;
        this.requestHeaders = requestHeaders;
        this.body = body;
    }

    /**
     * Reads the next request head; {@code null} when the client closed the connection or sent no valid request.
     * {@code handOver} gets the exchange when another thread completes its answer while the handler still runs on
     * the reading thread, which then leaves the connection alone ({@link #handlerReturned}).
     */
    static SocketExchange read(Socket socket, InputStream in, OutputStream out, Consumer<SocketExchange> handOver)
            throws IOException {
        String requestLine = readLine(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Headers headers = new Headers();
        for (int count = 0; ; count++) {
            String line = readLine(in);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || count >= MAX_HEADERS) {
                return badRequest(out, "malformed or too many header lines");
            }
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            return badRequest(out, "malformed request line");
        }
        URI uri;
        try {
            uri = new URI(parts[1]);
        } catch (URISyntaxException e) {
            return badRequest(out, "malformed request target: " + e.getMessage());
        }
        String connection = headers.getFirst("Connection");
        boolean keepAlive = parts[2].equals("HTTP/1.1")
                ? connection == null || !connection.equalsIgnoreCase("close")
                : connection != null && connection.equalsIgnoreCase("keep-alive");
        InputStream body;
        String transferEncoding = headers.getFirst("Transfer-Encoding");
        String length = headers.getFirst("Content-Length");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = new ChunkedBody(in);
        } else if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                return badRequest(out, "Content-Length '" + length + "' is not a number");
            }
            if (bytes < 0) {
                return badRequest(out, "negative Content-Length");
            }
            body = new FixedLengthBody(in, bytes);
        } else {
            body = InputStream.nullInputStream();
        }
        String expect = headers.getFirst("Expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        return new SocketExchange(socket, out, parts[0], uri, keepAlive, headers, body, handOver);
    }

    private static SocketExchange badRequest(OutputStream out, String why) throws IOException {
        byte[] text = ("Bad request: " + why).getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: "
                + text.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(text);
        out.flush();
        return null;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("request line or header longer than " + MAX_LINE + " bytes");
            }
            line.append((char) b);
        }
    }

    String getRequestMethod() {
        return method;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String rawPath() {
        return uri.getRawPath();
    }

    @Override
    public String rawQuery() {
        return uri.getRawQuery();
    }

    @Override
    public String header(String name) {
        return requestHeaders.getFirst(name);
    }

    @Override
    public Headers headers() {
        return requestHeaders;
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void respond(int status, String contentType, List<Map.Entry<String, String>> headers, byte[] content) {
        try (this) {
            for (Map.Entry<String, String> header : headers) {
                responseHeaders.add(header.getKey(), header.getValue());
            }
            if (contentType != null) {
                responseHeaders.set("Content-Type", contentType);
            }
            sendResponseHeaders(status, content == null ? -1 : content.length);
            if (content != null) {
                try (OutputStream out = getResponseBody()) {
                    out.write(content);
                }
            }
        } catch (IOException e) {
            // the client went away before the answer was sent
        }
    }

    URI getRequestURI() {
        return uri;
    }

    Headers getRequestHeaders() {
        return requestHeaders;
    }

    InputStream getRequestBody() {
        return body;
    }

    Headers getResponseHeaders() {
        return responseHeaders;
    }

    /**
     * Writes the status line and headers: {@code length} -1 for no body, 0 for a body of any length (buffered, then
     * sent with its length on close), else the exact body length.
     */
    synchronized void sendResponseHeaders(int status, long length) throws IOException {
        if (responseBody != null) {
            throw new IOException("the answer to " + method + " " + uri + " was already started");
        }
        String connection = responseHeaders.getFirst("Connection");
        closeAfter = !clientKeepsAlive || (connection != null && connection.equalsIgnoreCase("close"));
        if (length == 0) {
            responseBody = new ResponseBody(status, -1);
            return;
        }
        writeHead(status, length < 0 ? 0 : length, length < 0 && (status == 204 || status == 304));
        responseBody = new ResponseBody(status, length < 0 ? 0 : length);
    }

    OutputStream getResponseBody() {
        return responseBody;
    }

    private void writeHead(int status, long length, boolean noLength) throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        head.append("Date: ").append(date()).append("\r\n");
        for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Length")) {
                continue;
            }
            for (String value : header.getValue()) {
                head.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        if (!noLength) {
            head.append("Content-Length: ").append(length).append("\r\n");
        }
        if (closeAfter && responseHeaders.getFirst("Connection") == null) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Ends the answer (one without headers yet becomes a 500) and frees the connection for its next request. */
    @Override
    public void close() {
        boolean handOn;
        synchronized (this) {
            if (closed) {
                return;
            }
            finish();
            handedOver = handlerRunning && Thread.currentThread() != handlerThread;
            handOn = handedOver;
        }
        if (handOn) {
            handOver.accept(this);
        }
    }

    /**
     * Called by the reading thread when the handler has returned: {@code false} if the connection was handed over
     * meanwhile, and belongs to another thread now.
     */
    synchronized boolean handlerReturned() {
        handlerRunning = false;
        return !handedOver;
    }

    private void finish() {
        try {
            if (responseBody == null) {
                closeAfter = true;
                writeHead(500, 0, false);
            } else {
                responseBody.finish();
            }
            out.flush();
        } catch (IOException e) {
            closeAfter = true;
        } finally {
            closed = true;
            notifyAll();
        }
    }

    /** Waits until the answer is complete; {@code false} if the connection's thread was interrupted. */
    synchronized boolean awaitClosed() {
        while (!closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Whether the connection can carry another request: both sides keep it, and the body was read to its end. */
    boolean keepAlive() throws IOException {
        if (closeAfter) {
            return false;
        }
        long drained = 0;
        while (drained <= MAX_DRAIN) {
            long skipped = body.skip(8192);
            if (skipped > 0) {
                drained += skipped;
            } else if (body.read() < 0) {
                return !socket.isClosed();
            } else {
                drained++;
            }
        }
        return false;
    }

    private record DateOfSecond(long second, String text) {
    }

    private static volatile DateOfSecond lastDate = new DateOfSecond(-1, "");

    /** The {@code Date} header's value, formatted once a second. */
    private static String date() {
        long second = System.currentTimeMillis() / 1000;
        DateOfSecond cached = lastDate;
        if (cached.second() != second) {
            cached = new DateOfSecond(second, DATE.format(java.time.Instant.ofEpochSecond(second)));
            lastDate = cached;
        }
        return cached.text();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status " + status;
        };
    }

    /** The answer's body: exactly {@code length} bytes, or (length -1) buffered and sent with its length at the end. */
    private final class ResponseBody extends OutputStream {
        private final int status;
        private final long length;
        private final ByteArrayOutputStream buffered;
        private long written;

        ResponseBody(int status, long length) {
            this.status = status;
            this.length = length;
            this.buffered = length < 0 ? new ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            synchronized (SocketExchange.this) {
                if (buffered != null) {
                    buffered.write(bytes, off, len);
                    return;
                }
                if (written + len > length) {
                    throw new IOException("answer body longer than the " + length + " bytes announced");
                }
                written += len;
                out.write(bytes, off, len);
            }
        }

        @Override
        public void close() {
            SocketExchange.this.close();
        }

        void finish() throws IOException {
            if (buffered != null) {
                writeHead(status, buffered.size(), false);
                buffered.writeTo(out);
            } else if (written < length) {
                closeAfter = true;
            }
        }
    }
}
