package org.serverlessbench.openwhisk.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;

/** The invocation rows of a fixture run, parsed for assertions. */
final class Rows {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Rows() {
    }

    static List<JsonNode> of(OpenWhiskTestKit.Run run) {
        return run.rowLines().stream().map(Rows::parse).map(line -> line.get("invocation")).toList();
    }

    static List<JsonNode> ofTest(OpenWhiskTestKit.Run run, Class<?> testClass, String method) {
        String test = testClass.getName() + "#" + method;
        return of(run).stream().filter(row -> row.get("test").asText().equals(test)).toList();
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
