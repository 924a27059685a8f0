package org.serverlessbench.examples.functions.sebs;

/** Times consecutive phases: each {@link #lap()} answers the microseconds since the previous lap (or the start). */
public final class SebsStopwatch {

    private long mark = System.nanoTime();

    public long lap() {
        long now = System.nanoTime();
        long micros = (now - mark) / 1000;
        mark = now;
        return micros;
    }
}
