package org.serverlessbench.openwhisk.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Debian archive this machine's apt uses, read from {@code /etc/apt/sources.list} (one-line format) and
 * {@code /etc/apt/sources.list.d/*.list|*.sources} (deb822), so base images come from the mirror that is reachable.
 */
final class AptSources {

    private AptSources() {
    }

    /** The URI of the first {@code deb} source of {@code suite} with component {@code main}. */
    static Optional<String> mirror(Path aptDirectory, String suite) {
        List<Path> files = new ArrayList<>();
        files.add(aptDirectory.resolve("sources.list"));
        Path parts = aptDirectory.resolve("sources.list.d");
        if (Files.isDirectory(parts)) {
            try (Stream<Path> list = Files.list(parts)) {
                list.filter(p -> p.toString().endsWith(".list") || p.toString().endsWith(".sources")).sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + parts, e);
            }
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            Optional<String> found = file.toString().endsWith(".sources") ? fromDeb822(lines, suite)
                    : fromOneLine(lines, suite);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static Optional<String> fromOneLine(List<String> lines, String suite) {
        for (String line : lines) {
            String text = line.strip();
            if (!text.startsWith("deb ")) {
                continue;
            }
            List<String> words = new ArrayList<>(List.of(text.split("\\s+")));
            words.remove(0);
            if (!words.isEmpty() && words.get(0).startsWith("[")) {
                while (!words.isEmpty() && !words.remove(0).endsWith("]")) {
                    // options such as [signed-by=...]
                }
            }
            if (words.size() >= 3 && words.get(1).equals(suite) && words.subList(2, words.size()).contains("main")) {
                return Optional.of(words.get(0));
            }
        }
        return Optional.empty();
    }

    static Optional<String> fromDeb822(List<String> lines, String suite) {
        List<String> stanza = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                Optional<String> found = stanzaMirror(stanza, suite);
                if (found.isPresent()) {
                    return found;
                }
                stanza.clear();
            } else if (!line.startsWith("#")) {
                stanza.add(line);
            }
        }
        return stanzaMirror(stanza, suite);
    }

    private static Optional<String> stanzaMirror(List<String> stanza, String suite) {
        String types = field(stanza, "Types");
        String uris = field(stanza, "URIs");
        String suites = field(stanza, "Suites");
        String components = field(stanza, "Components");
        if (types == null || uris == null || suites == null || components == null
                || !List.of(types.split("\\s+")).contains("deb")
                || !List.of(suites.split("\\s+")).contains(suite)
                || !List.of(components.split("\\s+")).contains("main")
                || "no".equalsIgnoreCase(field(stanza, "Enabled"))) {
            return Optional.empty();
        }
        return Optional.of(uris.split("\\s+")[0]);
    }

    private static String field(List<String> stanza, String name) {
        for (String line : stanza) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }
}
