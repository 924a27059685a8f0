package org.serverlessbench.examples;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The input size of a SeBS benchmark, chosen with the configuration parameter {@value #CONFIGURATION_KEY}
 * ({@code test}, the default, {@code small} or {@code large}) and injected into test methods by
 * {@link BenchmarkSizeResolver}.
 */
public enum BenchmarkSize {
    TEST,
    SMALL,
    LARGE;

    public static final String CONFIGURATION_KEY = "openwhisk.benchmark.size";

    /** The size named by {@code value} (any case); {@code source} says where the value came from, for the message. */
    public static BenchmarkSize parse(String value, String source) {
        String name = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(size -> size.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(CONFIGURATION_KEY + " must be one of "
                        + Arrays.stream(values()).map(BenchmarkSize::toString).collect(Collectors.joining(", "))
                        + ", but " + source + " has '" + value + "'"));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
