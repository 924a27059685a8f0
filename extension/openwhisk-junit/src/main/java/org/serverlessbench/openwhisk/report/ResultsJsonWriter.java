package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * Writes {@code results.json}: {@code run}, {@code invocations} and {@code summary}, as docs/results.md describes,
 * pretty-printed. Rows go through the generator one at a time, never as one tree of the whole document, and can be
 * written ahead of the rest ({@link #startRows}), so that the invocations array grows while the run records and is
 * copied into the file when the run ends.
 */
final class ResultsJsonWriter {

    /** Writes the invocations array's elements into a generator that has just started the array. */
    interface Rows {
        void writeTo(JsonGenerator generator) throws IOException;
    }

    private final ObjectMapper mapper;
    /** Writes trees into a generator without flushing it after each, which would be a system call per row. */
    private final ObjectWriter trees;
    private final RowCodec codec;

    ResultsJsonWriter(ObjectMapper mapper) {
        this.mapper = mapper;
        this.trees = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        this.codec = new RowCodec(mapper);
    }

    void write(RunReport report, Writer out) throws IOException {
        try (JsonGenerator generator = prettyPrinting(mapper.getFactory().createGenerator(out))) {
            write(report, generator, rowsOf(report));
        }
    }

    void write(RunReport report, OutputStream out) throws IOException {
        write(report, out, rowsOf(report));
    }

    /** Writes the file with {@code rows} as the invocations array's elements. */
    void write(RunReport report, OutputStream out, Rows rows) throws IOException {
        try (JsonGenerator generator = generator(out)) {
            write(report, generator, rows);
        }
    }

    /** A pretty-printing UTF-8 generator on {@code out} that leaves {@code out} open when it is closed. */
    JsonGenerator generator(OutputStream out) throws IOException {
        return prettyPrinting(mapper.getFactory().createGenerator(out, JsonEncoding.UTF8));
    }

    /**
     * Starts a document whose only field is {@code invocations} and leaves the generator in its array, in the state
     * {@link #write(RunReport, OutputStream, Rows)} leaves it in before the rows: what {@link #row} writes after this
     * is byte for byte what the rows are in {@code results.json}.
     */
    void startRows(JsonGenerator generator) throws IOException {
        generator.writeStartObject();
        generator.writeFieldName("invocations");
        generator.writeStartArray();
    }

    void row(JsonGenerator generator, InvocationRow row) throws IOException {
        codec.write(generator, row);
    }

    /** Ends what {@link #startRows} started. */
    void endRows(JsonGenerator generator) throws IOException {
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private Rows rowsOf(RunReport report) {
        return generator -> {
            for (InvocationRow row : report.rows()) {
                row(generator, row);
            }
        };
    }

    private static JsonGenerator prettyPrinting(JsonGenerator generator) {
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return generator.setPrettyPrinter(new DefaultPrettyPrinter());
    }

    private void write(RunReport report, JsonGenerator generator, Rows rows) throws IOException {
        generator.writeStartObject();
        ObjectNode run = codec.toJson(report.run());
        run.put("startedAt", report.startedAt().toString());
        run.put("finishedAt", report.finishedAt().toString());
        generator.writeFieldName("run");
        trees.writeValue(generator, run);
        generator.writeFieldName("invocations");
        generator.writeStartArray();
        rows.writeTo(generator);
        generator.writeEndArray();
        ArrayNode summary = mapper.createArrayNode();
        report.summaries().forEach(test -> summary.add(toJson(test)));
        generator.writeFieldName("summary");
        trees.writeValue(generator, summary);
        generator.writeFieldName("trialSpread");
        trees.writeValue(generator, TrialSpreadJson.toJson(mapper, report.trialSpreads()));
        if (report.baselineRunId() != null) {
            ObjectNode baseline = mapper.createObjectNode();
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
            generator.writeFieldName("baseline");
            trees.writeValue(generator, baseline);
        }
        generator.writeEndObject();
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
