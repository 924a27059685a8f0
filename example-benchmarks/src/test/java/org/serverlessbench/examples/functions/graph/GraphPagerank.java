package org.serverlessbench.examples.functions.graph;

import com.google.gson.JsonObject;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultEdge;
import org.serverlessbench.examples.functions.sebs.SebsMeasurement;
import org.serverlessbench.examples.functions.sebs.SebsOutput;

/**
 * 501.graph-pagerank as a Java action: generates the Barabási-Albert graph and ranks it with JGraphT's PageRank.
 * Besides the ranks' sum and range, the result carries {@code residual}, the L1 distance between the ranks and one
 * PageRank step applied to them on this graph: a fixed point has residual 0, so the caller can tell a real PageRank
 * from a plausible vector. It is computed after the timed sections.
 */
public final class GraphPagerank {

    private static final double DAMPING = 0.85;
    /** JGraphT stops when no rank moves by more than this in an iteration (its default, 1e-4, is too coarse). */
    private static final double TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 1000;

    private GraphPagerank() {
    }

    public static JsonObject main(JsonObject args) {
        double begin = SebsOutput.nowSeconds();
        SebsMeasurement measurement = new SebsMeasurement();
        Graph<Integer, DefaultEdge> graph = BarabasiAlbert.generate(args, measurement);
        Map<Integer, Double> ranks = new PageRank<>(graph, DAMPING, MAX_ITERATIONS, TOLERANCE).getScores();
        measurement.phase("compute");
        double end = SebsOutput.nowSeconds();

        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double rank : ranks.values()) {
            sum += rank;
            min = Math.min(min, rank);
            max = Math.max(max, rank);
        }
        JsonObject result = new JsonObject();
        result.addProperty("vertices", graph.vertexSet().size());
        result.addProperty("edges", graph.edgeSet().size());
        result.addProperty("rank", ranks.get(0));
        result.addProperty("rank_sum", sum);
        result.addProperty("rank_min", min);
        result.addProperty("rank_max", max);
        result.addProperty("residual", residual(graph, ranks));
        return SebsOutput.of(result, measurement.json(), begin, end);
    }

    /** Sum over vertices of |rank - ((1 - d) / n + d (sum of neighbour rank / neighbour degree + dangling / n))|. */
    static double residual(Graph<Integer, DefaultEdge> graph, Map<Integer, Double> ranks) {
        int n = graph.vertexSet().size();
        double dangling = 0;
        for (Integer vertex : graph.vertexSet()) {
            if (graph.degreeOf(vertex) == 0) {
                dangling += ranks.get(vertex);
            }
        }
        double total = 0;
        for (Integer vertex : graph.vertexSet()) {
            double incoming = 0;
            for (Integer neighbour : Graphs.neighborListOf(graph, vertex)) {
                incoming += ranks.get(neighbour) / graph.degreeOf(neighbour);
            }
            total += Math.abs(ranks.get(vertex) - ((1 - DAMPING) / n + DAMPING * (incoming + dangling / n)));
        }
        return total;
    }
}
