package org.serverlessbench.openwhisk.junit.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Data sizes written in annotations: a decimal number and a unit, {@code B}, {@code KB} (1024 B) or {@code MB}. */
final class DataSizeText {

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb)\\s*");

    private DataSizeText() {}

    /**
     * Parses {@code text} to whole bytes (rounded); {@code where} names the annotation and attribute for the message.
     *
     * @throws IllegalArgumentException naming {@code where}, the text and the accepted form
     */
    static long parse(String text, String where) {
        Matcher matcher = SIZE.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(where + " is \"" + text + "\", which is not a size; write a number and"
                    + " a unit: B, KB (1024 B) or MB (1024 KB), for example \"512B\" or \"1.5KB\"");
        }
        double amount = Double.parseDouble(matcher.group(1));
        double bytesPerUnit = switch (matcher.group(2)) {
            case "b" -> 1;
            case "kb" -> 1024;
            default -> 1024 * 1024;
        };
        return Math.round(amount * bytesPerUnit);
    }

    /** {@code 512 B}, {@code 4 KB}, {@code 1.5 MB}: the size in the largest unit that leaves at least 1. */
    static String format(long bytes) {
        if (bytes >= 1024 * 1024) {
            return trim(bytes / (1024.0 * 1024)) + " MB";
        }
        if (bytes >= 1024) {
            return trim(bytes / 1024.0) + " KB";
        }
        return bytes + " B";
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
