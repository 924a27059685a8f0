package org.serverlessbench.openwhisk.junit.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Reads what SeBS-style function wrappers put into their result: {@code is_cold}, {@code begin} and {@code end}. */
final class ResultFields {

    private static final BigDecimal MICROS_PER_SECOND = BigDecimal.valueOf(1_000_000);

    private ResultFields() {
    }

    /** True when the result is an object with {@code is_cold} true (or the string "true"). */
    static boolean reportsCold(Object result) {
        if (result instanceof Map<?, ?> map) {
            Object flag = map.get("is_cold");
            return Boolean.TRUE.equals(flag) || "true".equalsIgnoreCase(String.valueOf(flag));
        }
        return false;
    }

    /**
     * {@code end − begin} in microseconds, when the result is an object with both as seconds: numbers, or strings
     * such as {@code "1700000000.123456"}; empty when either is missing or not a number, or end is before begin.
     */
    static OptionalLong benchmarkTimeUs(Object result) {
        if (!(result instanceof Map<?, ?> map)) {
            return OptionalLong.empty();
        }
        BigDecimal begin = seconds(map.get("begin"));
        BigDecimal end = seconds(map.get("end"));
        if (begin == null || end == null || end.compareTo(begin) < 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(end.subtract(begin).multiply(MICROS_PER_SECOND)
                .setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /**
     * The {@code measurement} object of a SeBS-style result, entries in their order; numbers stay numbers, other
     * values are left out. Empty when there is none.
     */
    static Map<String, Object> measurement(Object result) {
        if (!(result instanceof Map<?, ?> map) || !(map.get("measurement") instanceof Map<?, ?> measurement)) {
            return Map.of();
        }
        Map<String, Object> numbers = new LinkedHashMap<>();
        measurement.forEach((key, value) -> {
            if (value instanceof Number) {
                numbers.put(String.valueOf(key), value);
            }
        });
        return numbers;
    }

    private static BigDecimal seconds(Object value) {
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
