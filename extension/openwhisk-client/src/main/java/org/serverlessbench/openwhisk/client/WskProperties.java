package org.serverlessbench.openwhisk.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code wsk} properties file, read as the CLI reads it: one {@code KEY=VALUE} per line, {@code #} starts a comment
 * anywhere on the line, and a line is kept only if it splits on {@code =} into exactly two parts.
 */
final class WskProperties {

    private final Path file;
    private final boolean present;
    private final Map<String, String> values;

    private WskProperties(Path file, boolean present, Map<String, String> values) {
        this.file = file;
        this.present = present;
        this.values = values;
    }

    /** No file at all, as when {@code WSK_CONFIG_FILE} is set but empty. */
    static WskProperties none() {
        return new WskProperties(null, false, Map.of());
    }

    /** Reads {@code file}; a file that does not exist gives no values. */
    static WskProperties read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new WskProperties(file, false, Map.of());
        }
        try {
            return new WskProperties(file, true, parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | UncheckedIOException e) {
            throw new OpenWhiskConfigurationException("Cannot read the wsk properties file " + file + ": "
                    + e.getMessage() + ". Fix its permissions or point WSK_CONFIG_FILE elsewhere.", e);
        }
    }

    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String rawLine : text.split("\\R")) {
            int hash = rawLine.indexOf('#');
            String line = hash >= 0 ? rawLine.substring(0, hash) : rawLine;
            String[] parts = line.split("=", -1);
            if (parts.length != 2) {
                continue;
            }
            String key = parts[0].trim();
            if (!key.isEmpty()) {
                values.put(key, parts[1].trim());
            }
        }
        return values;
    }

    Optional<String> get(String key) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The source label of {@code key}, for example {@code APIHOST in /root/.wskprops}. */
    String sourceOf(String key) {
        return key + " in " + file;
    }

    /** What was looked at, for messages when a value is missing. */
    String describe() {
        if (file == null) {
            return "no wsk properties file (WSK_CONFIG_FILE is empty)";
        }
        Path home = Path.of(System.getProperty("user.home"), ".wskprops");
        String name = file.equals(home) ? "~/.wskprops (" + file + (present ? ")" : ", not found)")
                : file + (present ? "" : " (not found)");
        return "the wsk properties file " + name;
    }
}
