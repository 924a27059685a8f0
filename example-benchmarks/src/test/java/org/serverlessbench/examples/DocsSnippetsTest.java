package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the code in {@code docs/*.md} equal to the example sources. A doc snippet is a fenced block right after a
 * marker {@code <!-- snippet: <path in this module>#<tag> -->}; its text must equal the source lines between
 * {@code tag::<tag>[]} and {@code end::<tag>[]} (comment markers in any language), without their common indentation.
 * Links between the pages must lead to an existing page and heading.
 */
class DocsSnippetsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path DOCS = MODULE.resolveSibling("docs");
    private static final List<Path> SOURCE_ROOTS =
            List.of(MODULE.resolve("src/test/java"), MODULE.resolve("src/test/functions"));

    private static final Pattern MARKER = Pattern.compile("^<!-- snippet: (\\S+)#([\\w-]+) -->\\s*$");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]*)(?:#([^)\\s]+))?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");
    private static final Pattern TAG = Pattern.compile("\\b(tag|end)::([\\w-]+)\\[]");

    record Snippet(Path doc, int line, String source, String tag, String text) {
        @Override
        public String toString() {
            return DOCS.relativize(doc) + ":" + line + " (" + source + "#" + tag + ")";
        }
    }

    @TestFactory
    Stream<DynamicTest> everyDocSnippetEqualsItsTaggedSourceRegion() throws IOException {
        List<Snippet> snippets = snippets();
        assertThat(snippets).as("snippets in %s", DOCS).isNotEmpty();
        return snippets.stream().map(snippet -> DynamicTest.dynamicTest(snippet.toString(), () -> {
            Path source = MODULE.resolve(snippet.source());
            assertThat(source).as("source named at %s", snippet).isRegularFile();
            assertThat(snippet.text())
                    .as("%s must equal the region '%s' of %s; copy it from there", snippet, snippet.tag(), source)
                    .isEqualTo(region(source, snippet.tag()));
        }));
    }

    @Test
    void everyTaggedRegionIsShownInTheDocs() throws IOException {
        Set<String> shown = snippets().stream()
                .map(snippet -> snippet.source() + "#" + snippet.tag())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> tagged = new TreeSet<>();
        for (Path root : SOURCE_ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                // this class's own sample regions are not examples
                String self = DocsSnippetsTest.class.getSimpleName() + ".java";
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(file -> !file.getFileName().toString().equals(self)).toList()) {
                    Matcher matcher = TAG.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (matcher.find()) {
                        if (matcher.group(1).equals("tag")) {
                            tagged.add(MODULE.relativize(file).toString().replace('\\', '/') + "#" + matcher.group(2));
                        }
                    }
                }
            }
        }

        assertThat(shown).as("tagged regions used by docs/*.md").containsExactlyInAnyOrderElementsOf(tagged);
    }

    @Test
    void everyRelativeLinkBetweenTheDocsResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher link = LINK.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (link.find()) {
                String file = link.group(1);
                String anchor = link.group(2);
                if (file.contains("://") || file.startsWith("mailto:")) {
                    continue;
                }
                Path target = file.isEmpty() ? doc : doc.resolveSibling(file).normalize();
                if (!Files.exists(target)) {
                    broken.add(DOCS.relativize(doc) + ": " + link.group() + " (no file " + target + ")");
                } else if (anchor != null && target.toString().endsWith(".md")
                        && !headingAnchors(target).contains(anchor)) {
                    broken.add(DOCS.relativize(doc) + ": " + link.group() + " (no heading with anchor #" + anchor
                            + " in " + target.getFileName() + ")");
                }
            }
        }

        assertThat(broken).as("broken links in docs/*.md").isEmpty();
    }

    @Test
    void regionsLeaveOutTheirMarkersAndIndentation() throws IOException {
        Path file = Files.createTempFile("snippet", ".java");
        try {
            Files.writeString(file, String.join("\n", "class A {", "    // tag::m[]", "    void m() {",
                    "        // tag::inner[]", "        call();", "        // end::inner[]", "    }",
                    "    // end::m[]", "}"));

            assertThat(region(file, "m")).isEqualTo("void m() {\n    call();\n}");
            assertThat(region(file, "inner")).isEqualTo("call();");
        } finally {
            Files.delete(file);
        }
    }

    private static List<Path> docs() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
    }

    /** The anchors GitHub gives the headings of {@code doc}: lower case, punctuation dropped, spaces as dashes. */
    private static Set<String> headingAnchors(Path doc) throws IOException {
        Set<String> anchors = new TreeSet<>();
        boolean inFence = false;
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                inFence = !inFence;
            }
            Matcher heading = HEADING.matcher(line);
            if (!inFence && heading.matches()) {
                anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}_ -]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    private static List<Snippet> snippets() throws IOException {
        List<Snippet> snippets = new ArrayList<>();
        for (Path doc : docs()) {
            List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher marker = MARKER.matcher(lines.get(i));
                if (!marker.matches()) {
                    continue;
                }
                int open = i + 1;
                assertThat(open < lines.size() && lines.get(open).startsWith("```"))
                        .as("%s:%d: a snippet marker must be followed by a ``` fence", doc, i + 1).isTrue();
                int close = open + 1;
                while (close < lines.size() && !lines.get(close).startsWith("```")) {
                    close++;
                }
                assertThat(close).as("%s:%d: the fenced block is never closed", doc, open + 1).isLessThan(lines.size());
                String text = lines.subList(open + 1, close).stream()
                        .map(String::stripTrailing)
                        .collect(Collectors.joining("\n"));
                snippets.add(new Snippet(doc, i + 1, marker.group(1), marker.group(2), text));
            }
        }
        return snippets;
    }

    /** The lines between the tag's markers, without other markers and without their common indentation. */
    static String region(Path source, String tag) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        int start = indexOf(lines, "tag::" + tag + "[]", 0);
        assertThat(start).as("%s has no 'tag::%s[]'", source, tag).isNotNegative();
        int end = indexOf(lines, "end::" + tag + "[]", start);
        assertThat(end).as("%s has no 'end::%s[]' after its 'tag::%s[]'", source, tag, tag).isNotNegative();
        List<String> region = lines.subList(start + 1, end).stream()
                .filter(line -> !TAG.matcher(line).find())
                .map(String::stripTrailing)
                .toList();
        int indent = region.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        return region.stream()
                .map(line -> line.isBlank() ? "" : line.substring(indent))
                .collect(Collectors.joining("\n"));
    }

    private static int indexOf(List<String> lines, String marker, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i;
            }
        }
        return -1;
    }
}
