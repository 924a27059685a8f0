package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.serverlessbench.openwhisk.junit.Invocation;

/** Reads SeBS's result shape, {@code {result, measurement, ...}} with times in µs, out of an invocation. */
public final class SebsInvocations {

    private SebsInvocations() {
    }

    /** The function's {@code result} field, after checking the activation succeeded. */
    public static Map<String, Object> result(Invocation invocation) {
        return field(invocation.assertSuccess(), "result");
    }

    /** The function's {@code measurement} field; every key in {@code keys} holds a number >= 0. */
    public static Map<String, Object> measurement(Invocation invocation, String... keys) {
        Map<String, Object> measurement = field(invocation.assertSuccess(), "measurement");
        for (String key : keys) {
            assertThat(measurement).as("measurement of %s", invocation.activationId()).containsKey(key);
            assertThat(((Number) measurement.get(key)).doubleValue()).as("%s of %s", key, invocation.activationId())
                    .isGreaterThanOrEqualTo(0);
        }
        return measurement;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Invocation invocation, String name) {
        assertThat(invocation.result()).as("result of %s", invocation.activationId()).isInstanceOf(Map.class);
        Object value = ((Map<String, Object>) invocation.result()).get(name);
        assertThat(value).as("'%s' in the result of %s: %s", name, invocation.activationId(), invocation.result())
                .isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
