package org.serverlessbench.openwhisk.junit;

import java.util.Map;
import java.util.Random;

/**
 * The payload of one point of a {@link PayloadSizes} sweep, injected as a test parameter: {@link #bytes()} ASCII
 * characters (letters and digits, the same for the same size) under the parameter key {@link #KEY}.
 */
public final class Payload {

    /** The parameter key the payload is sent under. */
    public static final String KEY = "payload";

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final long bytes;
    private final Map<String, Object> parameters;

    private Payload(long bytes, String text) {
        this.bytes = bytes;
        this.parameters = Map.of(KEY, text);
    }

    /** A payload of {@code bytes} characters; 0 to 64 MB. */
    public static Payload ofBytes(long bytes) {
        if (bytes < 0 || bytes > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("Payload size must be 0 to 64 MB, was " + bytes + " bytes");
        }
        Random random = new Random(bytes);
        StringBuilder text = new StringBuilder((int) bytes);
        for (long i = 0; i < bytes; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new Payload(bytes, text.toString());
    }

    /** The size of the payload text in bytes. */
    public long bytes() {
        return bytes;
    }

    /** {@code {"payload": "<bytes characters>"}}, to pass to {@link Trigger#invoke(Map)}. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Payload payload && payload.bytes == bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Payload[" + bytes + " bytes]";
    }
}
