package org.serverlessbench.openwhisk.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A full activation record. Times are epoch milliseconds, {@code duration} is milliseconds.
 *
 * @param namespace namespace of the caller, for example {@code guest}
 * @param name      action name without the package
 * @param logs      lines as {@code <timestamp> stdout|stderr: <text>}
 */
public record Activation(String activationId, String namespace, String name, String version, String subject,
        long start, long end, long duration, ActivationResponse response, List<String> logs,
        List<KeyValue> annotations) {

    public Activation {
        logs = logs == null ? List.of() : List.copyOf(logs);
        annotations = KeyValue.copy(annotations);
    }

    /** Milliseconds spent in {@code /init}; present only on a cold start. */
    public OptionalLong initTime() {
        return longAnnotation("initTime");
    }

    /** Milliseconds from the controller receiving the request to the start of {@code /init} or {@code /run}. */
    public OptionalLong waitTime() {
        return longAnnotation("waitTime");
    }

    /** True when the activation started a new container, which OpenWhisk marks with an {@code initTime}. */
    public boolean cold() {
        return initTime().isPresent();
    }

    /** True when the action ran into its time limit. */
    public boolean timedOut() {
        return Boolean.TRUE.equals(annotation("timeout").orElse(null));
    }

    /** The runtime kind, for example {@code nodejs:20}. */
    public Optional<String> kind() {
        return annotation("kind").map(String::valueOf);
    }

    /** The action's memory limit in megabytes, from the {@code limits} annotation. */
    public OptionalInt memoryMb() {
        Object limits = annotation("limits").orElse(null);
        if (limits instanceof Map<?, ?> map && map.get("memory") instanceof Number memory) {
            return OptionalInt.of(memory.intValue());
        }
        return OptionalInt.empty();
    }

    /** The fully qualified action path without leading slash, for example {@code guest/pkg/action}. */
    public Optional<String> path() {
        return annotation("path").map(String::valueOf);
    }

    /** True when the response status is {@code success}. */
    public boolean success() {
        return response != null && response.success();
    }

    public Optional<Object> annotation(String key) {
        return KeyValue.find(annotations, key);
    }

    private OptionalLong longAnnotation(String key) {
        Object value = annotation(key).orElse(null);
        return value instanceof Number number ? OptionalLong.of(number.longValue()) : OptionalLong.empty();
    }
}
