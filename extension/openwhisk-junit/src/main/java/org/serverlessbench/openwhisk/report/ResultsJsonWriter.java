package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/** Writes {@code results.json}: {@code run}, {@code invocations} and {@code summary}, as docs/results.md describes. */
final class ResultsJsonWriter {

    private final ObjectMapper mapper;
    private final RowCodec codec;

    ResultsJsonWriter(ObjectMapper mapper) {
        this.mapper = mapper;
        this.codec = new RowCodec(mapper);
    }

    void write(RunReport report, Writer out) throws IOException {
        mapper.writerWithDefaultPrettyPrinter().writeValue(out, toJson(report));
    }

    ObjectNode toJson(RunReport report) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode run = codec.toJson(report.run());
        run.put("startedAt", report.startedAt().toString());
        run.put("finishedAt", report.finishedAt().toString());
        root.set("run", run);
        ArrayNode invocations = root.putArray("invocations");
        report.rows().forEach(row -> invocations.add(codec.toJson(row)));
        ArrayNode summary = root.putArray("summary");
        report.summaries().forEach(test -> summary.add(toJson(test)));
        return root;
    }

    private ObjectNode toJson(TestSummary summary) {
        ObjectNode node = mapper.createObjectNode();
        node.put("test", summary.test());
        node.put("function", summary.function());
        node.put("count", summary.count());
        node.put("coldCount", summary.coldCount());
        node.put("warmupCount", summary.warmupCount());
        node.put("failureCount", summary.failureCount());
        node.set("clientTimeUs", toJson(summary.clientTimeUs()));
        node.set("providerExecutionUs", toJson(summary.providerExecutionUs()));
        node.set("providerInitUs", toJson(summary.providerInitUs()));
        node.set("providerWaitUs", toJson(summary.providerWaitUs()));
        node.set("benchmarkTimeUs", toJson(summary.benchmarkTimeUs()));
        return node;
    }

    private ObjectNode toJson(Statistics statistics) {
        ObjectNode node = mapper.createObjectNode();
        node.put("count", statistics.count());
        if (!statistics.isEmpty()) {
            node.put("min", statistics.min());
            node.put("p50", statistics.p50());
            node.put("p95", statistics.p95());
            node.put("p99", statistics.p99());
            node.put("max", statistics.max());
            node.put("mean", Math.round(statistics.mean() * 10) / 10.0);
        }
        return node;
    }
}
