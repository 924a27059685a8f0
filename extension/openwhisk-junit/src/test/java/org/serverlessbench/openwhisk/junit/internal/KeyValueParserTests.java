package org.serverlessbench.openwhisk.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyValueParserTests {

    private final List<String> problems = new ArrayList<>();

    @Test
    void valuesThatAreJsonBecomeJsonAndOthersStayText() {
        Map<String, Object> values = KeyValueParser.parse(new String[] {
            "size=small", "n=3", "ratio=0.5", "flag=true", "list=[1,2]", "object={\"a\":{\"b\":null}}",
            "quoted=\"x y\"", "equation=a=b", "empty="}, "parameters", problems);

        assertThat(problems).isEmpty();
        assertThat(values).containsExactly(
                Map.entry("size", "small"), Map.entry("n", 3), Map.entry("ratio", 0.5), Map.entry("flag", true),
                Map.entry("list", List.of(1, 2)), Map.entry("object", Map.of("a", java.util.Collections
                        .singletonMap("b", null))),
                Map.entry("quoted", "x y"), Map.entry("equation", "a=b"), Map.entry("empty", ""));
    }

    @Test
    void entriesWithoutKeyOrTwiceTheSameKeyAreProblems() {
        KeyValueParser.parse(new String[] {"novalue", "=3", "k=1", "k=2"}, "annotations", problems);

        assertThat(problems).containsExactly(
                "attribute 'annotations' has the entry \"novalue\", but entries must look like \"key=value\" with a"
                        + " non-empty key",
                "attribute 'annotations' has the entry \"=3\", but entries must look like \"key=value\" with a"
                        + " non-empty key",
                "attribute 'annotations' sets the key 'k' twice");
    }
}
