package org.serverlessbench.openwhisk.embedded.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One thread that runs every registered deadline check each {@link #TICK_MILLIS}: the controller's blocking waits and
 * the runtime calls' deadlines share it. A ticker costs no thread switch on a request's path, where a timer task per
 * request wakes the timer thread whenever it becomes the earliest. The thread exists while a check is registered.
 */
public final class DeadlineTicker {
    /** How late past its deadline a check may notice it. */
    public static final long TICK_MILLIS = 5;
    private static final Logger LOG = Logger.getLogger(DeadlineTicker.class.getName());
    private static final Set<Runnable> CHECKS = ConcurrentHashMap.newKeySet();
    /** Guarded by the class. */
    private static ScheduledExecutorService ticker;

    private DeadlineTicker() {
    }

    /** Runs {@code check} every tick until the registration is closed; checks must be quick and must not block. */
    public static synchronized Registration register(Runnable check) {
        CHECKS.add(check);
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("openwhisk-deadlines-"));
            ticker.scheduleWithFixedDelay(DeadlineTicker::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
        return () -> unregister(check);
    }

    private static synchronized void unregister(Runnable check) {
        if (CHECKS.remove(check) && CHECKS.isEmpty() && ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    private static void tick() {
        for (Runnable check : CHECKS) {
            try {
                check.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a deadline check failed; it runs again at the next tick", e);
            }
        }
    }

    /** A registered check; closing it stops the check (and the thread, if it was the last). */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
