package org.serverlessbench.openwhisk.embedded.controller;

import java.io.IOException;
import java.io.InputStream;

/**
 * A connection's input, buffered without {@code BufferedInputStream}'s lock on every byte (request heads are read a
 * byte at a time). Read by one thread at a time: the connection's current owner.
 */
final class ConnectionInput extends InputStream {
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    ConnectionInput(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == limit) {
            if (len >= buffer.length) {
                return in.read(bytes, off, len);
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(buffer, position, bytes, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return limit - position + (position == limit ? in.available() : 0);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
