package org.serverlessbench.examples.functions.dynamichtml;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * 110.dynamic-html as a Java action: renders an HTML page for {@code username} listing {@code random_len} random
 * numbers, and reports SeBS-style timings.
 */
public final class DynamicHtml {

    /** OpenWhisk truncates results above 1 MB; larger pages are reported by size only. */
    private static final int MAX_RETURNED_HTML_BYTES = 256 * 1024;

    /**
     * {@code is_cold}: true for the first activation this container (a JVM with the action's jar) serves. A static
     * flag rather than SeBS's {@code /tmp/cold_run} marker, which all local containers would share.
     */
    private static boolean freshContainer = true;

    private DynamicHtml() {}

    public static JsonObject main(JsonObject args) {
        double begin = nowSeconds();
        long count = wholeNumber(args.get("random_len"));
        if (count < 0 || count > Integer.MAX_VALUE) {
            JsonObject error = new JsonObject();
            error.addProperty("error", "110.dynamic-html needs a parameter \"random_len\" with a whole number"
                    + " >= 0, got " + args.get("random_len"));
            return error;
        }
        String username = args.has("username") && args.get("username").isJsonPrimitive()
                ? args.get("username").getAsString()
                : "testname";
        String html = Page.render(username, Instant.now().toString(), randomNumbers((int) count));
        int sizeBytes = html.getBytes(StandardCharsets.UTF_8).length;
        double end = nowSeconds();
        JsonObject result = new JsonObject();
        result.addProperty("size_bytes", sizeBytes);
        if (sizeBytes <= MAX_RETURNED_HTML_BYTES) {
            result.addProperty("html", html);
        }
        return output(result, begin, end);
    }

    private static int[] randomNumbers(int count) {
        return ThreadLocalRandom.current().ints(count, 0, 1_000_000).toArray();
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

    /** A whole JSON number, or a numeric string from a web action's query; -1 for anything else. */
    private static long wholeNumber(JsonElement value) {
        if (value == null || !value.isJsonPrimitive() || value.getAsJsonPrimitive().isBoolean()) {
            return -1;
        }
        try {
            double number = value.getAsDouble();
            return number == Math.rint(number) && !Double.isInfinite(number) ? (long) number : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static double nowSeconds() {
        Instant now = Instant.now();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }
}
