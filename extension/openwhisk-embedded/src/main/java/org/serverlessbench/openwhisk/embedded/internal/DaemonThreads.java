package org.serverlessbench.openwhisk.embedded.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The embedded OpenWhisk's background threads: named, and daemons, so that none keeps a JVM alive. */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Threads named {@code prefix1}, {@code prefix2}, and so on. */
    public static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> newThread(task, prefix + count.incrementAndGet());
    }

    /** Starts {@code task} on a new daemon thread called {@code name}. */
    public static Thread start(String name, Runnable task) {
        Thread thread = newThread(task, name);
        thread.start();
        return thread;
    }

    private static Thread newThread(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
