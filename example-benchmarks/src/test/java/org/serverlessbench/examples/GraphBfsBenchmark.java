package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serverlessbench.openwhisk.junit.FunctionName;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;
import org.serverlessbench.openwhisk.junit.Trigger;

/**
 * SeBS 503.graph-bfs: the function generates a Barabási-Albert graph (python-igraph, graphology, JGraphT) and searches
 * it breadth-first from vertex 0 (igraph's bfs, graphology-traversal, JGraphT's BreadthFirstIterator). The check: the
 * graph has the Barabási-Albert edge count; the search visits all n vertices, the level sizes add up to n, level 0 is
 * the root alone and level 1 its neighbours; no edge spans more than one level and every other vertex has a
 * neighbour one level closer, which together make each level the vertex's shortest distance from the root. The
 * 10-vertex graph is a clique: levels 1 and 9.
 */
@OpenWhiskTest
@ExtendWith(BenchmarkSizeResolver.class)
@SharedFunctionFiles({SharedFunctionFiles.SEBS, SharedFunctionFiles.GRAPH})
@OpenWhiskFunction(name = "graph-bfs-python", code = "src/test/functions/503.graph-bfs/python",
        memory = 512, timeout = 120_000)
@OpenWhiskFunction(name = "graph-bfs-nodejs", code = "src/test/functions/503.graph-bfs/nodejs",
        memory = 512, timeout = 120_000)
@OpenWhiskFunction(name = "graph-bfs-java", code = "target/functions/sebs-java-functions.jar",
        main = "org.serverlessbench.examples.functions.graph.GraphBfs", memory = 512, timeout = 120_000)
class GraphBfsBenchmark {

    @RepeatedTest(3)
    void python(@FunctionName("graph-bfs-python") Trigger trigger, BenchmarkSize size) {
        FunctionLibraries.assumePython("igraph", "python3-igraph");
        check(trigger.invoke(SebsGraphs.input(size)), SebsGraphs.vertices(size));
    }

    @RepeatedTest(3)
    void nodejs(@FunctionName("graph-bfs-nodejs") Trigger trigger, BenchmarkSize size) {
        check(trigger.invoke(SebsGraphs.input(size)), SebsGraphs.vertices(size));
    }

    @RepeatedTest(3)
    void java(@FunctionName("graph-bfs-java") Trigger trigger, BenchmarkSize size) {
        check(trigger.invoke(SebsGraphs.input(size)), SebsGraphs.vertices(size));
    }

    static void check(Invocation invocation, int vertices) {
        checkLevels(SebsGraphs.result(invocation, vertices), vertices);
    }

    /** The checks on the function's {@code result}, after {@link SebsGraphs#result}. */
    static void checkLevels(Map<String, Object> result, int vertices) {
        List<Long> levels = levels(result);
        long rootDegree = SebsGraphs.integer(result, "root_degree");
        assertThat(SebsGraphs.integer(result, "visited")).as("vertices visited").isEqualTo(vertices);
        assertThat(levels.stream().mapToLong(Long::longValue).sum()).as("sum of the level sizes %s", levels)
                .isEqualTo(vertices);
        assertThat(levels.get(0)).as("level 0, the root").isEqualTo(1);
        assertThat(levels.get(1)).as("level 1, the root's neighbours").isEqualTo(rootDegree);
        assertThat(rootDegree).as("degree of vertex 0, in the first clique")
                .isGreaterThanOrEqualTo(Math.min(vertices, SebsGraphs.ATTACHMENTS) - 1);
        assertThat(SebsGraphs.integer(result, "level_gaps")).as("edges spanning more than one level").isZero();
        assertThat(SebsGraphs.integer(result, "orphans")).as("vertices without a neighbour one level closer")
                .isZero();
        if (vertices <= SebsGraphs.ATTACHMENTS) {
            assertThat(levels).as("levels of a clique").containsExactly(1L, vertices - 1L);
        }
    }

    private static List<Long> levels(Map<String, Object> result) {
        assertThat(result.get("levels")).as("levels").isInstanceOf(List.class);
        return ((List<?>) result.get("levels")).stream().map(level -> ((Number) level).longValue()).toList();
    }
}
