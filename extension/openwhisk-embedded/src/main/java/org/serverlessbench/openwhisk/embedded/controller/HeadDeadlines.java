package org.serverlessbench.openwhisk.embedded.controller;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes connections whose request head takes longer than the head timeout to arrive (slowloris clients, which
 * send a byte now and then and so never reach the idle timeout), and connections that send nothing at all within it.
 * Checks every connection twice per timeout from the connector's scheduler.
 */
final class HeadDeadlines extends AbstractLifeCycle {
    private static final Logger LOG = Logger.getLogger(HeadDeadlines.class.getName());

    private final ServerConnector connector;
    private final long timeoutNanos;
    /** Touched by the scheduler's one thread only. */
    private final Map<EndPoint, HeadStart> heads = new HashMap<>();
    private volatile Scheduler.Task next;

    HeadDeadlines(ServerConnector connector, Duration timeout) {
        this.connector = connector;
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    protected void doStart() {
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
            next = connector.getScheduler().schedule(this::sweep, timeoutNanos / 2, TimeUnit.NANOSECONDS);
        }
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            var open = connector.getConnectedEndPoints();
            heads.keySet().retainAll(open);
            for (EndPoint endPoint : open) {
                if (!(endPoint.getConnection() instanceof HttpConnection connection)) {
                    continue;
                }
                HttpParser parser = connection.getParser();
                long requests = connection.getMessagesIn();
                boolean awaitingHead = parser.isStart() ? requests == 0 : parser.inHeaderState();
                if (!awaitingHead) {
                    heads.remove(endPoint);
                    continue;
                }
                HeadStart start = heads.get(endPoint);
                if (start == null || start.requests != requests) {
                    heads.put(endPoint, new HeadStart(requests, now));
                } else if (now - start.nanos >= timeoutNanos) {
                    heads.remove(endPoint);
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

    private record HeadStart(long requests, long nanos) {
    }
}
