package org.serverlessbench.openwhisk.embedded.controller;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An HTTP/1.1 server on 127.0.0.1 with one thread per connection, which reads each request and runs its handler.
 *
 * <p>It replaces {@code com.sun.net.httpserver.HttpServer}, whose single dispatcher thread reads every request and
 * must never block, so a warm activation had to go to another thread: here the thread the kernel wakes with the
 * request runs the activation and writes the answer itself. A handler may also leave its exchange to another thread
 * (a cold start, the 202 at the end of a blocking wait); the connection reads its next request only once that
 * exchange is closed.
 */
final class ConnectionServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ConnectionServer.class.getName());
    /** A connection silent this long is closed, so that clients that never close one do not keep its thread. */
    private static final int IDLE_TIMEOUT_MS = 5 * 60 * 1000;

    private final ServerSocket listener;
    private volatile Consumer<SocketExchange> handler;
    private final ExecutorService threads;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private ConnectionServer(ServerSocket listener) {
        this.listener = listener;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "openwhisk-controller-connection-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Binds 127.0.0.1:{@code port} (0 for an ephemeral port); connections wait in the backlog until {@link #serve}. */
    static ConnectionServer bind(int port, int backlog) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        return new ConnectionServer(listener);
    }

    /** Starts accepting connections, each served by its own thread, which runs {@code handler} for every request. */
    void serve(Consumer<SocketExchange> handler) {
        this.handler = handler;
        threads.execute(this::accept);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void accept() {
        Thread.currentThread().setName("openwhisk-controller-accept");
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "accepting a connection on " + address() + " failed; no longer serving", e);
                }
                return;
            }
            connections.add(socket);
            if (closed) {
                closeQuietly(socket);
                return;
            }
            threads.execute(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        ConnectionInput in;
        BufferedOutputStream out;
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDLE_TIMEOUT_MS);
            in = new ConnectionInput(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        } catch (IOException e) {
            end(socket, e);
            return;
        }
        serve(socket, in, out);
    }

    /**
     * Reads and handles requests until the connection ends, or until an answer is sent by another thread while the
     * handler still runs here (the 202 of a blocking wait during a warm activation): that thread's close hands the
     * connection on to a fresh thread, so that the client's next request does not wait for the activation.
     */
    private void serve(Socket socket, ConnectionInput in, BufferedOutputStream out) {
        try {
            while (!closed) {
                SocketExchange exchange = SocketExchange.read(socket, in, out,
                        answered -> handOn(answered, socket, in, out));
                if (exchange == null) {
                    break;
                }
                try {
                    handler.accept(exchange);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "handling " + exchange.getRequestMethod() + " "
                            + exchange.rawPath() + " failed", e);
                    exchange.close();
                }
                if (!exchange.handlerReturned()) {
                    return;
                }
                if (!exchange.awaitClosed() || !exchange.keepAlive()) {
                    break;
                }
            }
            end(socket, null);
        } catch (IOException e) {
            end(socket, e);
        }
    }

    private void handOn(SocketExchange answered, Socket socket, ConnectionInput in, BufferedOutputStream out) {
        try {
            threads.execute(() -> {
                try {
                    if (answered.keepAlive() && !closed) {
                        serve(socket, in, out);
                        return;
                    }
                } catch (IOException e) {
                    end(socket, e);
                    return;
                }
                end(socket, null);
            });
        } catch (RejectedExecutionException e) {
            end(socket, null);
        }
    }

    private void end(Socket socket, IOException failure) {
        if (failure != null && !(failure instanceof SocketException)) {
            LOG.log(Level.FINE, "connection " + socket.getRemoteSocketAddress() + " ended", failure);
        }
        connections.remove(socket);
        closeQuietly(socket);
    }

    /** Stops accepting, closes every connection and ends their threads. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        for (Socket socket : connections) {
            closeQuietly(socket);
        }
        threads.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing: nothing left to do with it
        }
    }
}
