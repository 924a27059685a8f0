package org.serverlessbench.openwhisk.junit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The invocation rows of a fixture run, parsed for assertions. */
final class Rows {

    private Rows() {
    }

    static List<JsonNode> of(OpenWhiskTestKit.Run run) {
        return run.rows();
    }

    static List<JsonNode> ofTest(OpenWhiskTestKit.Run run, Class<?> testClass, String method) {
        String test = testClass.getName() + "#" + method;
        return of(run).stream().filter(row -> row.get("test").asText().equals(test)).toList();
    }
}
