package org.serverlessbench.openwhisk.embedded.controller;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes connections whose request head takes longer than the head timeout to arrive (slowloris clients, which
 * send a byte now and then and so never reach the idle timeout), and connections that send nothing at all within it.
 * Checks every connection twice per timeout from the connector's scheduler.
 *
 * <p>Built on Jetty's public API only: a connection's counters ({@link Connection#getMessagesIn()} counts complete
 * request heads, {@link Connection#getBytesIn()} the bytes read) and {@link #track}, through which the server's
 * handler reports each exchange's end. A connection awaits a head when it has had none yet, or when every head it
 * had has been answered and bytes arrived since the last answer; a keep-alive connection that sends nothing between
 * requests is left to the idle timeout. A head that Jetty answers without the handler (it closes such connections)
 * also leaves its connection to the idle timeout.
 *
 * <p>Only time in which the server could have read a head counts against a connection: a check that finds work
 * waiting for one of the server's threads (the head may be read but not yet parsed, or not read at all) counts
 * nothing, and a check that runs late (the JVM was starved) counts no more than the time between two checks.
 */
final class HeadDeadlines extends AbstractLifeCycle {
    private static final Logger LOG = Logger.getLogger(HeadDeadlines.class.getName());
    /** The connection attribute that holds its {@link Answered} counter. */
    private static final String ANSWERED = HeadDeadlines.class.getName() + ".answered";

    private final ServerConnector connector;
    private final QueuedThreadPool threads;
    private final long timeoutNanos;
    private final long intervalNanos;
    /** Touched by the scheduler's one thread only, as is {@link #lastSweep}. */
    private final Map<EndPoint, HeadWait> waiting = new HashMap<>();
    private long lastSweep;
    private volatile Scheduler.Task next;

    HeadDeadlines(ServerConnector connector, QueuedThreadPool threads, Duration timeout) {
        this.connector = connector;
        this.threads = threads;
        this.timeoutNanos = timeout.toNanos();
        this.intervalNanos = timeoutNanos / 2;
    }

    /**
     * The callback to hand the exchange of {@code request} in place of {@code callback}: its end (success or failure)
     * marks the connection as answered up to this request.
     */
    Callback track(Request request, Callback callback) {
        ConnectionMetaData meta = request.getConnectionMetaData();
        Connection connection = meta.getConnection();
        return new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                answered(meta, connection);
                super.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                answered(meta, connection);
                super.failed(failure);
            }
        };
    }

    private static void answered(ConnectionMetaData meta, Connection connection) {
        long bytesIn = connection.getBytesIn();
        Answered answered = (Answered) meta.getAttribute(ANSWERED);
        if (answered == null) {
            answered = new Answered();
            meta.setAttribute(ANSWERED, answered);
        }
        answered.last.updateAndGet(last -> new Exchanges(last.count + 1, bytesIn));
    }

    @Override
    protected void doStart() {
        lastSweep = System.nanoTime();
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
    }

    private void schedule() {
        if (isRunning() || isStarting()) {
            next = connector.getScheduler().schedule(this::sweep, intervalNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            long charged = threads.getQueueSize() > 0 ? 0 : Math.min(now - lastSweep, intervalNanos);
            lastSweep = now;
            var open = connector.getConnectedEndPoints();
            waiting.keySet().retainAll(open);
            for (EndPoint endPoint : open) {
                if (!(endPoint.getConnection() instanceof ConnectionMetaData meta)) {
                    continue;
                }
                Connection connection = meta.getConnection();
                long heads = connection.getMessagesIn();
                Exchanges answered = meta.getAttribute(ANSWERED) instanceof Answered a ? a.last.get() : Exchanges.NONE;
                boolean awaitingHead = heads == 0
                        || heads <= answered.count && connection.getBytesIn() > answered.bytesIn;
                if (!awaitingHead) {
                    waiting.remove(endPoint);
                    continue;
                }
                HeadWait wait = waiting.get(endPoint);
                if (wait == null || wait.heads != heads) {
                    waiting.put(endPoint, new HeadWait(heads, 0));
                } else if (wait.nanos + charged < timeoutNanos) {
                    waiting.put(endPoint, new HeadWait(heads, wait.nanos + charged));
                } else {
                    waiting.remove(endPoint);
                    LOG.log(Level.FINE, () -> "closing " + endPoint.getRemoteSocketAddress()
                            + ": no complete request head within " + Duration.ofNanos(timeoutNanos));
                    endPoint.close();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "checking request head deadlines failed; checking again", e);
        } finally {
            schedule();
        }
    }

    /**
     * Heads complete on a connection when its wait for the next one was first seen, and the time counted against
     * that wait since.
     */
    private record HeadWait(long heads, long nanos) {
    }

    /** Exchanges answered on a connection, and the bytes it had read when the last one was answered. */
    private record Exchanges(long count, long bytesIn) {
        static final Exchanges NONE = new Exchanges(0, 0);
    }

    /** A connection's answered exchanges, set by the threads that answer and read by the sweep. */
    private static final class Answered {
        final AtomicReference<Exchanges> last = new AtomicReference<>(Exchanges.NONE);
    }
}
