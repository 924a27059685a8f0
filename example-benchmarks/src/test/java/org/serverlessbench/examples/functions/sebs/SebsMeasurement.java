package org.serverlessbench.examples.functions.sebs;

import com.google.gson.JsonObject;

/**
 * SeBS's {@code measurement} of consecutive phases: {@link #phase(String)} records {@code <name>_time}, the
 * microseconds since the previous phase ended (or since the measurement was made), {@link #phase(String, long)} also
 * {@code <name>_size} in bytes.
 */
public final class SebsMeasurement {

    private final JsonObject values = new JsonObject();
    private long mark = System.nanoTime();

    public void phase(String name) {
        long now = System.nanoTime();
        values.addProperty(name + "_time", (now - mark) / 1000);
        mark = now;
    }

    public void phase(String name, long size) {
        phase(name);
        values.addProperty(name + "_size", size);
    }

    /** The values recorded so far; further properties may be added to it. */
    public JsonObject json() {
        return values;
    }
}
