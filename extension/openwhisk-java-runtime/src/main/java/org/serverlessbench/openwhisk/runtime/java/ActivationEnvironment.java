package org.serverlessbench.openwhisk.runtime.java;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Makes the {@code __OW_*} values of each activation visible to the action: in {@link System#getenv()} (the map behind
 * it is changed by reflection, as the official Java runtime does; this needs
 * {@code --add-opens java.base/java.util=ALL-UNNAMED}) and, always, as system properties of the same name.
 */
final class ActivationEnvironment {

    private final Map<String, String> writableEnvironment;

    private ActivationEnvironment(Map<String, String> writableEnvironment) {
        this.writableEnvironment = writableEnvironment;
    }

    static ActivationEnvironment open() {
        return new ActivationEnvironment(writableView(System.getenv()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> writableView(Map<String, String> unmodifiable) {
        try {
            Field backing = unmodifiable.getClass().getDeclaredField("m");
            backing.setAccessible(true);
            return (Map<String, String>) backing.get(unmodifiable);
        } catch (ReflectiveOperationException | RuntimeException notOpen) {
            System.err.println("Warning: __OW_* values are only available as system properties, not through"
                    + " System.getenv(): " + notOpen);
            return null;
        }
    }

    void put(String name, String value) {
        if (writableEnvironment != null) {
            writableEnvironment.put(name, value);
        }
        System.setProperty(name, value);
    }
}
