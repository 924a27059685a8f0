package org.serverlessbench.openwhisk.spike;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.AbstractNetworkConnector;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Spike: a Jetty connector with a thread per connection and blocking socket reads, so that Jetty's own
 * HttpConnection (parser, compliance, limits) serves each request on the thread that woke from the read, with no
 * selector, no hand-off and no interest re-registration. The thread blocks in read only while Jetty is
 * fill-interested; a request answered from another thread re-arms it.
 */
final class BlockingConnector extends AbstractNetworkConnector {
    private volatile ServerSocketChannel channel;

    BlockingConnector(Server server, ConnectionFactory... factories) {
        super(server, null, null, null, 1, factories);
    }

    @Override
    public void open() throws IOException {
        if (channel == null) {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(getHost(), getPort()), 256);
            channel = server;
        }
        super.open();
    }

    @Override
    public void close() {
        ServerSocketChannel server = channel;
        channel = null;
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                // closing
            }
        }
        super.close();
    }

    @Override
    public boolean isOpen() {
        ServerSocketChannel server = channel;
        return server != null && server.isOpen();
    }

    @Override
    public int getLocalPort() {
        ServerSocketChannel server = channel;
        return server == null ? -1 : server.socket().getLocalPort();
    }

    @Override
    public Object getTransport() {
        return channel;
    }

    @Override
    protected void accept(int acceptorId) throws IOException {
        SocketChannel socket = channel.accept();
        socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
        Point point = new Point(socket, getScheduler());
        point.setIdleTimeout(getIdleTimeout());
        Connection connection = getDefaultConnectionFactory().newConnection(this, point);
        point.setConnection(connection);
        onEndPointOpened(point);
        point.onOpen();
        connection.onOpen();
        getExecutor().execute(() -> {
            point.serve();
            onEndPointClosed(point);
        });
    }

    /** One connection: its thread reads while Jetty wants bytes and runs Jetty's read callback itself. */
    static final class Point extends AbstractEndPoint {
        private final SocketChannel socket;
        private final ByteBuffer in = BufferUtil.allocate(16 * 1024);
        private final Object lock = new Object();
        private boolean wanted;

        Point(SocketChannel socket, org.eclipse.jetty.util.thread.Scheduler scheduler) {
            super(scheduler);
            this.socket = socket;
        }

        void serve() {
            try {
                while (isOpen()) {
                    synchronized (lock) {
                        while (!wanted && isOpen()) {
                            lock.wait();
                        }
                        wanted = false;
                    }
                    if (!in.hasRemaining() && !isInputShutdown()) {
                        int pos = BufferUtil.flipToFill(in);
                        int read = socket.read(in);
                        BufferUtil.flipToFlush(in, pos);
                        if (read < 0) {
                            shutdownInput();
                        } else {
                            notIdle();
                        }
                    }
                    getFillInterest().fillable();
                }
            } catch (IOException | InterruptedException e) {
                close(e);
            }
        }

        @Override
        public int fill(ByteBuffer buffer) throws IOException {
            if (in.hasRemaining()) {
                return BufferUtil.append(buffer, in);
            }
            return isInputShutdown() ? -1 : 0;
        }

        @Override
        public boolean flush(ByteBuffer... buffers) throws IOException {
            long left = 0;
            for (ByteBuffer b : buffers) {
                left += b.remaining();
            }
            while (left > 0) {
                left -= socket.write(buffers);
            }
            notIdle();
            return true;
        }

        @Override
        protected void needsFillInterest() {
            synchronized (lock) {
                wanted = true;
                lock.notifyAll();
            }
        }

        @Override
        protected void onIncompleteFlush() {
            throw new IllegalStateException("blocking flush is never incomplete");
        }

        @Override
        protected void doShutdownOutput() {
            try {
                socket.shutdownOutput();
            } catch (IOException e) {
                close(e);
            }
        }

        @Override
        protected void doClose() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing
            }
            synchronized (lock) {
                lock.notifyAll();
            }
        }

        @Override
        public boolean isOpen() {
            return socket.isOpen();
        }

        @Override
        public Object getTransport() {
            return socket;
        }

        @Override
        public SocketAddress getLocalSocketAddress() {
            return socket.socket().getLocalSocketAddress();
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            return socket.socket().getRemoteSocketAddress();
        }
    }
}
