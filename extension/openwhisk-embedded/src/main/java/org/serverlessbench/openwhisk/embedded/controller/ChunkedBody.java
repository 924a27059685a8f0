package org.serverlessbench.openwhisk.embedded.controller;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A request body sent with {@code Transfer-Encoding: chunked}, decoded; trailers are read and dropped. */
final class ChunkedBody extends InputStream {
    private final InputStream in;
    private long chunkLeft;
    private boolean ended;

    ChunkedBody(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (ended || (chunkLeft == 0 && !nextChunk())) {
            return -1;
        }
        int n = in.read(bytes, off, (int) Math.min(len, chunkLeft));
        if (n < 0) {
            throw new EOFException("the client closed the connection inside a body chunk");
        }
        chunkLeft -= n;
        if (chunkLeft == 0) {
            line();
        }
        return n;
    }

    private boolean nextChunk() throws IOException {
        String size = line();
        int extension = size.indexOf(';');
        try {
            chunkLeft = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("malformed chunk size '" + size + "' in a chunked request body");
        }
        if (chunkLeft < 0) {
            throw new IOException("negative chunk size in a chunked request body");
        }
        if (chunkLeft == 0) {
            while (!line().isEmpty()) {
                // trailer fields
            }
            ended = true;
            return false;
        }
        return true;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the client closed the connection inside a chunked request body");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() > 4096) {
                throw new IOException("chunk line longer than 4096 bytes in a chunked request body");
            }
            line.append((char) b);
        }
    }

    /** Leaves the connection open: the rest of the body is drained by the connection before its next request. */
    @Override
    public void close() {
    }
}
