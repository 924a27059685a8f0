package org.serverlessbench.openwhisk.embedded.controller;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Work handed over while a request is being handled, run later by the request's own thread ({@link #runAll}), once
 * the request's answer is set up to be sent: a warm activation, which then writes its reply on that thread.
 * Tasks are added by one thread at a time.
 */
final class CallerRuns implements Executor {
    private final List<Runnable> tasks = new ArrayList<>(1);
    private volatile Thread runner;

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    void runAll() {
        runner = Thread.currentThread();
        try {
            while (!tasks.isEmpty()) {
                tasks.remove(0).run();
            }
        } finally {
            runner = null;
        }
    }

    /** Whether the request's thread is still running handed-over work while the caller, another thread, asks. */
    boolean busyElsewhere() {
        Thread running = runner;
        return running != null && running != Thread.currentThread();
    }
}
