package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serverlessbench.openwhisk.junit.FunctionName;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;
import org.serverlessbench.openwhisk.junit.Trigger;

/**
 * SeBS 501.graph-pagerank: the function generates a Barabási-Albert graph (python-igraph, graphology, JGraphT) and
 * computes its PageRank (damping 0.85). The check: the graph has the Barabási-Albert edge count; the ranks sum to 1,
 * each is at least the teleport share 0.15 / n, and they are a fixed point of PageRank on that graph (the function
 * reports the L1 residual of one PageRank step); the 10-vertex graph is a clique, where every rank is exactly 1/10;
 * the larger graphs have hubs, as preferential attachment makes them.
 */
@OpenWhiskTest
@ExtendWith(BenchmarkSizeResolver.class)
@SharedFunctionFiles({SharedFunctionFiles.SEBS, SharedFunctionFiles.GRAPH})
@OpenWhiskFunction(name = "graph-pagerank-python", code = "src/test/functions/501.graph-pagerank/python",
        memory = 512, timeout = 120_000)
@OpenWhiskFunction(name = "graph-pagerank-nodejs", code = "src/test/functions/501.graph-pagerank/nodejs",
        memory = 512, timeout = 120_000)
@OpenWhiskFunction(name = "graph-pagerank-java", code = "target/functions/sebs-java-functions.jar",
        main = "org.serverlessbench.examples.functions.graph.GraphPagerank", memory = 512, timeout = 120_000)
class GraphPagerankBenchmark {

    private static final double DAMPING = 0.85;

    @RepeatedTest(3)
    void python(@FunctionName("graph-pagerank-python") Trigger trigger, BenchmarkSize size) {
        FunctionLibraries.assumePython("igraph", "python3-igraph");
        check(trigger.invoke(SebsGraphs.input(size)), SebsGraphs.vertices(size));
    }

    @RepeatedTest(3)
    void nodejs(@FunctionName("graph-pagerank-nodejs") Trigger trigger, BenchmarkSize size) {
        check(trigger.invoke(SebsGraphs.input(size)), SebsGraphs.vertices(size));
    }

    @RepeatedTest(3)
    void java(@FunctionName("graph-pagerank-java") Trigger trigger, BenchmarkSize size) {
        check(trigger.invoke(SebsGraphs.input(size)), SebsGraphs.vertices(size));
    }

    static void check(Invocation invocation, int vertices) {
        checkRanks(SebsGraphs.result(invocation, vertices), vertices);
    }

    /** The checks on the function's {@code result}, after {@link SebsGraphs#result}. */
    static void checkRanks(Map<String, Object> result, int vertices) {
        double min = SebsGraphs.real(result, "rank_min");
        double max = SebsGraphs.real(result, "rank_max");
        double rank = SebsGraphs.real(result, "rank");
        assertThat(SebsGraphs.real(result, "rank_sum")).as("sum of the ranks").isCloseTo(1.0, within(1e-6));
        assertThat(min).as("smallest rank").isGreaterThanOrEqualTo((1 - DAMPING) / vertices * (1 - 1e-6));
        assertThat(rank).as("rank of vertex 0").isBetween(min, max);
        assertThat(SebsGraphs.real(result, "residual")).as("L1 residual of one PageRank step")
                .isBetween(0.0, 1e-6);
        if (vertices <= SebsGraphs.ATTACHMENTS) {
            assertThat(min).as("smallest rank in a clique").isCloseTo(1.0 / vertices, within(1e-9));
            assertThat(max).as("largest rank in a clique").isCloseTo(1.0 / vertices, within(1e-9));
        } else {
            assertThat(max).as("largest rank, a hub's").isGreaterThan(5.0 / vertices);
        }
    }
}
