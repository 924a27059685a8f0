package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.serverlessbench.openwhisk.junit.Invocation;

/**
 * What SeBS's graph benchmarks (501.graph-pagerank, 502.graph-mst, 503.graph-bfs) share: the input, a Barabási-Albert
 * graph of 10, 10 000 or 100 000 vertices from seed 42 that each function generates itself, and the checks of the
 * graph it reports. The three languages' libraries draw different random graphs from the same seed, so the tests check
 * properties every such graph has rather than values of one graph.
 */
final class SebsGraphs {

    /** Edges each new vertex brings (SeBS's Barabási graphs); the first vertices form a clique of this many. */
    static final int ATTACHMENTS = 10;

    private SebsGraphs() {
    }

    static int vertices(BenchmarkSize size) {
        return switch (size) {
            case TEST -> 10;
            case SMALL -> 10_000;
            case LARGE -> 100_000;
        };
    }

    /** SeBS's input: {@code {size, seed}}. */
    static Map<String, Object> input(BenchmarkSize size) {
        return Map.of("size", vertices(size), "seed", Inputs.SEED);
    }

    /**
     * The edge count of a Barabási-Albert graph of {@code vertices}: the clique of the first {@value #ATTACHMENTS}
     * vertices, then {@value #ATTACHMENTS} per further vertex (45 + 10 (n - 10)). A generator that does not attach
     * every new vertex to exactly that many distinct earlier ones misses it.
     */
    static long edges(int vertices) {
        int core = Math.min(vertices, ATTACHMENTS);
        return (long) core * (core - 1) / 2 + (long) (vertices - core) * ATTACHMENTS;
    }

    /**
     * The function's {@code result}, after checking SeBS's measurement fields and, with {@link #checkGraph}, the
     * graph it reports.
     */
    static Map<String, Object> result(Invocation invocation, int vertices) {
        Map<String, Object> result = SebsInvocations.result(invocation);
        SebsInvocations.measurement(invocation, "graph_generating_time", "compute_time");
        checkGraph(result, vertices);
        return result;
    }

    /** The function worked on a graph of {@code vertices} vertices with the Barabási-Albert edge count. */
    static void checkGraph(Map<String, Object> result, int vertices) {
        assertThat(integer(result, "vertices")).as("vertices").isEqualTo(vertices);
        assertThat(integer(result, "edges")).as("edges").isEqualTo(edges(vertices));
    }

    static long integer(Map<String, Object> result, String key) {
        assertThat(result).containsKey(key);
        Number number = (Number) result.get(key);
        assertThat(number.doubleValue()).as(key).isEqualTo(Math.rint(number.doubleValue()));
        return number.longValue();
    }

    static double real(Map<String, Object> result, String key) {
        assertThat(result).containsKey(key);
        return ((Number) result.get(key)).doubleValue();
    }
}
