package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serverlessbench.openwhisk.junit.FunctionName;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;
import org.serverlessbench.openwhisk.junit.Trigger;

/**
 * SeBS 502.graph-mst: the function generates a Barabási-Albert graph (python-igraph, graphology, JGraphT) and finds a
 * minimum spanning tree of it; unweighted, as in SeBS, so any spanning tree is minimal (igraph's spanning tree, a
 * Kruskal written for graphology, JGraphT's Kruskal). A Barabási-Albert graph is connected, so the check is: the
 * graph has the Barabási-Albert edge count, and the tree has n - 1 edges, all of them edges of the graph, that leave
 * one component among the n vertices: n - 1 edges joining n vertices into one component form a tree with no cycle.
 */
@OpenWhiskTest
@ExtendWith(BenchmarkSizeResolver.class)
@SharedFunctionFiles({SharedFunctionFiles.SEBS, SharedFunctionFiles.GRAPH})
@OpenWhiskFunction(name = "graph-mst-python", code = "src/test/functions/502.graph-mst/python",
        memory = 512, timeout = 120_000)
@OpenWhiskFunction(name = "graph-mst-nodejs", code = "src/test/functions/502.graph-mst/nodejs",
        memory = 512, timeout = 120_000)
@OpenWhiskFunction(name = "graph-mst-java", code = "target/functions/sebs-java-functions.jar",
        main = "org.serverlessbench.examples.functions.graph.GraphMst", memory = 512, timeout = 120_000)
class GraphMstBenchmark {

    @RepeatedTest(3)
    void python(@FunctionName("graph-mst-python") Trigger trigger, BenchmarkSize size) {
        FunctionLibraries.assumePython("igraph", "python3-igraph");
        check(trigger.invoke(SebsGraphs.input(size)), SebsGraphs.vertices(size));
    }

    @RepeatedTest(3)
    void nodejs(@FunctionName("graph-mst-nodejs") Trigger trigger, BenchmarkSize size) {
        check(trigger.invoke(SebsGraphs.input(size)), SebsGraphs.vertices(size));
    }

    @RepeatedTest(3)
    void java(@FunctionName("graph-mst-java") Trigger trigger, BenchmarkSize size) {
        check(trigger.invoke(SebsGraphs.input(size)), SebsGraphs.vertices(size));
    }

    static void check(Invocation invocation, int vertices) {
        checkTree(SebsGraphs.result(invocation, vertices), vertices);
    }

    /** The checks on the function's {@code result}, after {@link SebsGraphs#result}. */
    static void checkTree(Map<String, Object> result, int vertices) {
        assertThat(SebsGraphs.integer(result, "tree_edges")).as("edges of the tree").isEqualTo(vertices - 1);
        assertThat(SebsGraphs.integer(result, "foreign_edges")).as("tree edges that are not graph edges")
                .isZero();
        assertThat(SebsGraphs.integer(result, "tree_components")).as("components the tree leaves").isEqualTo(1);
    }
}
