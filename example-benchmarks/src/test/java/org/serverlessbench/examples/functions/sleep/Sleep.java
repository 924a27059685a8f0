package org.serverlessbench.examples.functions.sleep;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** 010.sleep as a Java action: sleeps for {@code sleep} seconds and reports SeBS-style timings. */
public final class Sleep {

    /**
     * {@code is_cold}: true for the first activation this container (a JVM with the action's jar) serves. A static
     * flag rather than SeBS's {@code /tmp/cold_run} marker, which all local containers would share.
     */
    private static boolean freshContainer = true;

    private Sleep() {}

    public static JsonObject main(JsonObject args) {
        double begin = nowSeconds();
        double seconds = number(args.get("sleep"));
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            JsonObject error = new JsonObject();
            error.addProperty("error", "010.sleep needs a parameter \"sleep\" with a number of seconds >= 0, got "
                    + args.get("sleep"));
            return error;
        }
        try {
            TimeUnit.NANOSECONDS.sleep((long) (seconds * 1e9));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            JsonObject error = new JsonObject();
            error.addProperty("error", "010.sleep was interrupted");
            return error;
        }
        double end = nowSeconds();
        JsonObject result = new JsonObject();
        result.addProperty("sleep", seconds);
        return output(result, begin, end);
    }

    private static synchronized JsonObject output(JsonObject result, double begin, double end) {
        JsonObject output = new JsonObject();
        output.add("result", result);
        output.addProperty("begin", begin);
        output.addProperty("end", end);
        output.addProperty("is_cold", freshContainer);
        String activationId = System.getenv("__OW_ACTIVATION_ID");
        output.addProperty("request_id", activationId == null ? "" : activationId);
        freshContainer = false;
        return output;
    }

    /** A JSON number, or a numeric string from a web action's query; NaN for anything else. */
    private static double number(JsonElement value) {
        if (value == null || !value.isJsonPrimitive() || value.getAsJsonPrimitive().isBoolean()) {
            return Double.NaN;
        }
        try {
            return value.getAsDouble();
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double nowSeconds() {
        Instant now = Instant.now();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }
}
