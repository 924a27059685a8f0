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
        root.set("trialSpread", TrialSpreadJson.toJson(mapper, report.trialSpreads()));
        if (report.baselineRunId() != null) {
            ObjectNode baseline = root.putObject("baseline");
            baseline.put("run", report.baselineRunId());
            baseline.put("test", "Mann-Whitney U, two-sided, p < " + Comparison.SIGNIFICANCE);
            ArrayNode groups = baseline.putArray("groups");
            report.comparisons().forEach((group, comparison) -> {
                ObjectNode node = groups.addObject();
                putGroup(node, group);
                node.put("verdict", comparison.verdict().label());
                node.put("ratioOfMedians", comparison.ratio());
                node.put("pValue", comparison.pValue());
                node.put("baselineMedianUs", comparison.baselineMedian());
                node.put("medianUs", comparison.currentMedian());
                node.put("baselineCount", comparison.baselineCount());
                node.put("count", comparison.currentCount());
            });
        }
        return root;
    }

    private ObjectNode toJson(TestSummary summary) {
        ObjectNode node = mapper.createObjectNode();
        putGroup(node, summary.key());
        node.put("count", summary.count());
        node.put("coldCount", summary.coldCount());
        node.put("warmupCount", summary.warmupCount());
        node.put("rejectedCount", summary.rejectedCount());
        node.put("failureCount", summary.failureCount());
        ObjectNode sebs = node.putObject("sebs");
        sebs.put("samples_generated", summary.count() + summary.rejectedCount());
        sebs.put("failures", summary.failureCount());
        sebs.put("cold_count", summary.coldCount());
        node.set("clientTimeUs", toJson(summary.clientTimeUs()));
        node.set("providerExecutionUs", toJson(summary.providerExecutionUs()));
        node.set("providerInitUs", toJson(summary.providerInitUs()));
        node.set("providerWaitUs", toJson(summary.providerWaitUs()));
        node.set("benchmarkTimeUs", toJson(summary.benchmarkTimeUs()));
        return node;
    }

    /** The group's test, function, memory, conditions ({@code null} where not set) and {@code cold}. */
    static void putGroup(ObjectNode node, GroupKey group) {
        node.put("test", group.test());
        node.put("function", group.function());
        node.put("memoryMb", group.memoryMb());
        node.put("mode", group.mode());
        node.put("concurrency", group.concurrency());
        node.put("trial", group.trial());
        node.put("payloadBytes", group.payloadBytes());
        node.put("idleMs", group.idleMs());
        node.put("cold", group.cold());
    }

    private ObjectNode toJson(Statistics statistics) {
        ObjectNode node = mapper.createObjectNode();
        node.put("count", statistics.count());
        if (!statistics.isEmpty()) {
            node.put("min", statistics.min());
            node.put("p50", statistics.p50());
            node.put("p90", statistics.p90());
            node.put("p95", statistics.p95());
            node.put("p99", statistics.p99());
            node.put("p999", statistics.p999());
            node.put("max", statistics.max());
            node.put("mean", round(statistics.mean()));
            node.put("median", round(statistics.median()));
            node.put("standardDeviation", round(statistics.standardDeviation()));
            node.put("coefficientOfVariation", Math.round(statistics.coefficientOfVariation() * 1e4) / 1e4);
            for (ConfidenceLevel level : ConfidenceLevel.values()) {
                interval(node, "meanCi" + level.percent(), statistics.meanInterval(level));
                interval(node, "medianCi" + level.percent(), statistics.medianInterval(level));
            }
        }
        return node;
    }

    /** {@code [lower, upper]}, or null when the sample is too small for the interval. */
    private void interval(ObjectNode node, String field, java.util.Optional<ConfidenceInterval> interval) {
        if (interval.isEmpty()) {
            node.putNull(field);
        } else {
            node.putArray(field).add(round(interval.get().lower())).add(round(interval.get().upper()));
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
