package org.serverlessbench.openwhisk.junit.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written in annotations: a decimal number and a unit, {@code us}, {@code ms}, {@code s} or {@code min}. */
final class DurationText {

    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s|min)\\s*");

    private DurationText() {}

    /**
     * Parses {@code text}; {@code where} names the annotation and attribute for the message.
     *
     * @throws IllegalArgumentException naming {@code where}, the text and the accepted form
     */
    static Duration parse(String text, String where) {
        Matcher matcher = DURATION.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(where + " is \"" + text + "\", which is not a duration; write a number"
                    + " and a unit: us, ms, s or min, for example \"50ms\" or \"1.5s\"");
        }
        double amount = Double.parseDouble(matcher.group(1));
        double nanosPerUnit = switch (matcher.group(2)) {
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> 60e9;
        };
        return Duration.ofNanos(Math.round(amount * nanosPerUnit));
    }
}
