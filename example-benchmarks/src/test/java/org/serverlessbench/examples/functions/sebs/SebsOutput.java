package org.serverlessbench.examples.functions.sebs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * SeBS's result shape: {@code {result, measurement, begin, end, is_cold, request_id}}, times in microseconds.
 * {@code is_cold} is true for the first activation a JVM (one container) serves.
 */
public final class SebsOutput {

    private static boolean freshContainer = true;

    private SebsOutput() {
    }

    /** Seconds since the epoch, with milliseconds, for {@code begin} and {@code end}. */
    public static double nowSeconds() {
        return System.currentTimeMillis() / 1000.0;
    }

    /** The output with {@code end} now. */
    public static JsonObject of(JsonElement result, JsonObject measurement, double begin) {
        return of(result, measurement, begin, nowSeconds());
    }

    /** The output; {@code end} given, for functions that compute their checks after the timed work. */
    public static synchronized JsonObject of(JsonElement result, JsonObject measurement, double begin, double end) {
        JsonObject output = new JsonObject();
        output.add("result", result);
        output.add("measurement", measurement);
        output.addProperty("begin", begin);
        output.addProperty("end", end);
        output.addProperty("is_cold", freshContainer);
        String activationId = System.getenv("__OW_ACTIVATION_ID");
        output.addProperty("request_id", activationId == null ? "" : activationId);
        freshContainer = false;
        return output;
    }
}
