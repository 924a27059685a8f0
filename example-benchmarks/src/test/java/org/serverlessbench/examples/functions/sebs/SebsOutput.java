package org.serverlessbench.examples.functions.sebs;

import com.google.gson.JsonObject;

/**
 * SeBS's result shape: {@code {result, measurement, begin, end, is_cold, request_id}}, times in microseconds.
 * {@code is_cold} is true for the first activation a JVM (one container) serves.
 */
public final class SebsOutput {

    private static boolean freshContainer = true;

    private SebsOutput() {
    }

    /** Seconds since the epoch, with microseconds, for {@code begin} and {@code end}. */
    public static double nowSeconds() {
        return System.currentTimeMillis() / 1000.0;
    }

    /** Microseconds between two {@link System#nanoTime()} readings. */
    public static long micros(long startNanos, long endNanos) {
        return (endNanos - startNanos) / 1000;
    }

    public static synchronized JsonObject of(JsonObject result, JsonObject measurement, double begin) {
        JsonObject output = new JsonObject();
        output.add("result", result);
        output.add("measurement", measurement);
        output.addProperty("begin", begin);
        output.addProperty("end", nowSeconds());
        output.addProperty("is_cold", freshContainer);
        String activationId = System.getenv("__OW_ACTIVATION_ID");
        output.addProperty("request_id", activationId == null ? "" : activationId);
        freshContainer = false;
        return output;
    }
}
