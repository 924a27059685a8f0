package org.serverlessbench.openwhisk.embedded.controller;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A request body of a declared {@code Content-Length}, read from the connection without reading past it. */
final class FixedLengthBody extends InputStream {
    private final InputStream in;
    private long remaining;

    FixedLengthBody(InputStream in, long length) {
        this.in = in;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the client closed the connection with " + remaining + " body bytes unsent");
        }
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] bytes, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (remaining <= 0) {
            return -1;
        }
        int n = in.read(bytes, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new EOFException("the client closed the connection with " + remaining + " body bytes unsent");
        }
        remaining -= n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), remaining);
    }

    /** Leaves the connection open: the rest of the body is drained by the connection before its next request. */
    @Override
    public void close() {
    }
}
