package org.serverlessbench.openwhisk.junit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Changes to a deployed function, see {@link DeployedFunction#update(FunctionUpdate)}.
 *
 * @param memory     new memory limit in MB, or null to keep it
 * @param timeout    new time limit in milliseconds, or null to keep it
 * @param parameters parameters to set or replace (JSON values); the others are kept
 */
public record FunctionUpdate(Integer memory, Integer timeout, Map<String, Object> parameters) {

    public FunctionUpdate {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** An update of the memory limit only. */
    public static FunctionUpdate memory(int memoryMb) {
        return newBuilder().memory(memoryMb).build();
    }

    public static final class Builder {
        private Integer memory;
        private Integer timeout;
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder memory(int memoryMb) {
            this.memory = memoryMb;
            return this;
        }

        public Builder timeout(int timeoutMs) {
            this.timeout = timeoutMs;
            return this;
        }

        public Builder parameter(String key, Object value) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("FunctionUpdate parameter key must not be blank");
            }
            parameters.put(key, value);
            return this;
        }

        public FunctionUpdate build() {
            return new FunctionUpdate(memory, timeout, parameters);
        }
    }
}
