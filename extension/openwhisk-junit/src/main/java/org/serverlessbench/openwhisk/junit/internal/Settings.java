package org.serverlessbench.openwhisk.junit.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.serverlessbench.openwhisk.junit.ConfigurationKeys;
import org.serverlessbench.openwhisk.junit.TriggerType;

/**
 * The extension's configuration parameters, read once per run; an unknown value is an error naming key, value and
 * the allowed values.
 *
 * @param prefix prefix of every action name, configured or {@code owj-<6 hex>-} new for the run
 */
record Settings(Target target, String prefix, Cleanup cleanup, TriggerType defaultTrigger, Path resultsDirectory) {

    enum Target { EMBEDDED, REMOTE }

    enum Cleanup { ALWAYS, ON_SUCCESS, NEVER }

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_@.-]*");

    static Settings read(Function<String, Optional<String>> parameters) {
        Target target = choice(parameters, ConfigurationKeys.TARGET, Target.class, Target.EMBEDDED);
        Cleanup cleanup = choice(parameters, ConfigurationKeys.CLEANUP, Cleanup.class, Cleanup.ALWAYS);
        TriggerType trigger = choice(parameters, ConfigurationKeys.TRIGGER, TriggerType.class, TriggerType.LIBRARY);
        String prefix = parameters.apply(ConfigurationKeys.PREFIX).map(String::strip).orElseGet(Settings::runPrefix);
        if (!prefix.isEmpty() && !PREFIX.matcher(prefix).matches()) {
            throw new ExtensionConfigurationException("Configuration parameter " + ConfigurationKeys.PREFIX
                    + " is \"" + prefix + "\", but it may contain only letters, digits and '_', '@', '.', '-',"
                    + " starting with a letter, digit or '_'");
        }
        Path results = Path.of(parameters.apply(ConfigurationKeys.RESULTS_DIR).map(String::strip)
                .filter(value -> !value.isEmpty()).orElse(ConfigurationKeys.DEFAULT_RESULTS_DIR));
        return new Settings(target, prefix, cleanup, trigger, results);
    }

    /** The action name of function {@code name}. */
    String actionName(String name) {
        return prefix + name;
    }

    private static String runPrefix() {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return "owj-" + HexFormat.of().formatHex(random) + "-";
    }

    private static <E extends Enum<E>> E choice(Function<String, Optional<String>> parameters, String key,
            Class<E> type, E defaultValue) {
        Optional<String> value = parameters.apply(key).map(String::strip).filter(text -> !text.isEmpty());
        if (value.isEmpty()) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (configName(constant).equals(value.get().toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(configName(constant));
        }
        throw new ExtensionConfigurationException("Configuration parameter " + key + " is \"" + value.get()
                + "\", but must be one of: " + allowed + " (default " + configName(defaultValue) + ")");
    }

    static String configName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
