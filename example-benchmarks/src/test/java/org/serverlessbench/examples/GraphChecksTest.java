package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The graph benchmarks' checks accept what the functions answered (Python and Node.js, seed 42) and reject what
 * wrong implementations answer. The wrong answers come from the Node.js functions changed on purpose: ranks
 * proportional to degree instead of PageRank, the first n - 1 edges instead of a spanning tree, a depth-first search
 * instead of a breadth-first one.
 */
class GraphChecksTest {

    private static final Map<String, Object> CLIQUE_RANKS = result(10, "rank", 0.1, "rank_sum", 0.9999999999999999,
            "rank_min", 0.09999999999999998, "rank_max", 0.10000000000000002, "residual", 1.1102230246251565e-16);
    private static final Map<String, Object> SMALL_RANKS = result(10_000, "rank", 0.0012122480931530775,
            "rank_sum", 0.9999999999999941, "rank_min", 5.361913818781108e-05, "rank_max", 0.002010897554484127,
            "residual", 7.690761005471614e-14);
    private static final Map<String, Object> SMALL_TREE = result(10_000, "tree_edges", 9_999, "tree_components", 1,
            "foreign_edges", 0);
    private static final Map<String, Object> SMALL_LEVELS = result(10_000, "root_degree", 441, "visited", 10_000,
            "levels", List.of(1, 441, 7537, 2021), "level_gaps", 0, "orphans", 0);

    @Test
    void edgeCountsOfSebsSizes() {
        assertThat(SebsGraphs.edges(10)).isEqualTo(45);
        assertThat(SebsGraphs.edges(10_000)).isEqualTo(99_945);
        assertThat(SebsGraphs.edges(100_000)).isEqualTo(999_945);
    }

    @Test
    void acceptsTheFunctionsAnswers() {
        assertThatCode(() -> {
            SebsGraphs.checkGraph(CLIQUE_RANKS, 10);
            GraphPagerankBenchmark.checkRanks(CLIQUE_RANKS, 10);
            SebsGraphs.checkGraph(SMALL_RANKS, 10_000);
            GraphPagerankBenchmark.checkRanks(SMALL_RANKS, 10_000);
            GraphMstBenchmark.checkTree(SMALL_TREE, 10_000);
            GraphBfsBenchmark.checkLevels(SMALL_LEVELS, 10_000);
            GraphBfsBenchmark.checkLevels(result(10, "root_degree", 9, "visited", 10, "levels", List.of(1, 9),
                    "level_gaps", 0, "orphans", 0), 10);
        }).doesNotThrowAnyException();
    }

    @Test
    void rejectsAGraphWithoutTheBarabasiAlbertEdgeCount() {
        assertThatThrownBy(() -> SebsGraphs.checkGraph(with(SMALL_TREE, "edges", 100_000), 10_000))
                .isInstanceOf(AssertionError.class).hasMessageContaining("[edges]");
    }

    @Test
    void rejectsRanksThatAreNotPagerank() {
        Map<String, Object> degreeShares = result(2_000, "rank", 0.004913512158435698, "rank_sum", 1.000000000000006,
                "rank_min", 0.000250689395838556, "rank_max", 0.006192028077212334, "residual", 0.07786977939332977);
        assertThatThrownBy(() -> GraphPagerankBenchmark.checkRanks(degreeShares, 2_000))
                .isInstanceOf(AssertionError.class).hasMessageContaining("residual");
        assertThatThrownBy(() -> GraphPagerankBenchmark.checkRanks(with(SMALL_RANKS, "rank_sum", 0.5), 10_000))
                .isInstanceOf(AssertionError.class).hasMessageContaining("sum of the ranks");
        assertThatThrownBy(() -> GraphPagerankBenchmark.checkRanks(with(CLIQUE_RANKS, "rank_min", 0.05), 10))
                .isInstanceOf(AssertionError.class).hasMessageContaining("clique");
    }

    @Test
    void rejectsRanksOfAGraphWithoutHubs() {
        Map<String, Object> flat = with(with(SMALL_RANKS, "rank_max", 1.2e-4), "rank", 1.0e-4);
        assertThatThrownBy(() -> GraphPagerankBenchmark.checkRanks(flat, 10_000))
                .isInstanceOf(AssertionError.class).hasMessageContaining("hub");
    }

    @Test
    void rejectsEdgesThatAreNotASpanningTree() {
        Map<String, Object> firstEdges = result(2_000, "tree_edges", 1_999, "tree_components", 1_795,
                "foreign_edges", 0);
        assertThatThrownBy(() -> GraphMstBenchmark.checkTree(firstEdges, 2_000))
                .isInstanceOf(AssertionError.class).hasMessageContaining("components");
        assertThatThrownBy(() -> GraphMstBenchmark.checkTree(with(SMALL_TREE, "foreign_edges", 1), 10_000))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not graph edges");
        assertThatThrownBy(() -> GraphMstBenchmark.checkTree(with(SMALL_TREE, "tree_edges", 10_000), 10_000))
                .isInstanceOf(AssertionError.class).hasMessageContaining("edges of the tree");
    }

    @Test
    void rejectsLevelsThatAreNotDistances() {
        Map<String, Object> depthFirst = with(with(SMALL_LEVELS, "level_gaps", 17_204), "levels",
                List.of(1, 441, 3000, 3000, 3558));
        assertThatThrownBy(() -> GraphBfsBenchmark.checkLevels(depthFirst, 10_000))
                .isInstanceOf(AssertionError.class).hasMessageContaining("more than one level");
        assertThatThrownBy(() -> GraphBfsBenchmark.checkLevels(with(SMALL_LEVELS, "orphans", 3), 10_000))
                .isInstanceOf(AssertionError.class).hasMessageContaining("one level closer");
        Map<String, Object> missed = with(with(SMALL_LEVELS, "visited", 9_999), "levels", List.of(1, 441, 7537, 2020));
        assertThatThrownBy(() -> GraphBfsBenchmark.checkLevels(missed, 10_000))
                .isInstanceOf(AssertionError.class).hasMessageContaining("vertices visited");
        assertThatThrownBy(() -> GraphBfsBenchmark.checkLevels(with(SMALL_LEVELS, "root_degree", 440), 10_000))
                .isInstanceOf(AssertionError.class).hasMessageContaining("level 1");
    }

    /** A function's result on a Barabási-Albert graph of {@code vertices}, with the given fields. */
    private static Map<String, Object> result(int vertices, Object... fields) {
        Map<String, Object> result = new HashMap<>();
        result.put("vertices", vertices);
        result.put("edges", SebsGraphs.edges(vertices));
        for (int i = 0; i < fields.length; i += 2) {
            result.put((String) fields[i], fields[i + 1]);
        }
        return Map.copyOf(result);
    }

    private static Map<String, Object> with(Map<String, Object> result, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(result);
        changed.put(key, value);
        return Map.copyOf(changed);
    }
}
