package org.serverlessbench.examples.functions.graph;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Arrays;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.BreadthFirstIterator;
import org.serverlessbench.examples.functions.sebs.SebsMeasurement;
import org.serverlessbench.examples.functions.sebs.SebsOutput;

/**
 * 503.graph-bfs as a Java action: generates the Barabási-Albert graph and searches it breadth-first from vertex 0
 * with JGraphT's iterator. The result gives the number of vertices on each level and two counts that prove the levels
 * are distances from the root: {@code level_gaps}, edges whose ends lie more than one level apart, and
 * {@code orphans}, vertices other than the root without a neighbour one level closer. Both are 0 exactly when every
 * level is the shortest distance. They are computed after the timed sections.
 */
public final class GraphBfs {

    private static final int ROOT = 0;

    private GraphBfs() {
    }

    public static JsonObject main(JsonObject args) {
        double begin = SebsOutput.nowSeconds();
        SebsMeasurement measurement = new SebsMeasurement();
        Graph<Integer, DefaultEdge> graph = BarabasiAlbert.generate(args, measurement);
        int[] level = new int[graph.vertexSet().size()];
        Arrays.fill(level, -1);
        int visited = 0;
        BreadthFirstIterator<Integer, DefaultEdge> search = new BreadthFirstIterator<>(graph, ROOT);
        while (search.hasNext()) {
            Integer vertex = search.next();
            level[vertex] = search.getDepth(vertex);
            visited++;
        }
        measurement.phase("compute");
        double end = SebsOutput.nowSeconds();

        int depth = -1;
        for (int l : level) {
            depth = Math.max(depth, l);
        }
        int[] counts = new int[depth + 1];
        for (int l : level) {
            if (l >= 0) {
                counts[l]++;
            }
        }
        int levelGaps = 0;
        for (DefaultEdge edge : graph.edgeSet()) {
            if (Math.abs(level[graph.getEdgeSource(edge)] - level[graph.getEdgeTarget(edge)]) > 1) {
                levelGaps++;
            }
        }
        int orphans = 0;
        for (Integer vertex : graph.vertexSet()) {
            if (vertex != ROOT && !hasNeighbourOnLevel(graph, vertex, level, level[vertex] - 1)) {
                orphans++;
            }
        }
        JsonArray levels = new JsonArray();
        for (int count : counts) {
            levels.add(count);
        }
        JsonObject result = new JsonObject();
        result.addProperty("vertices", graph.vertexSet().size());
        result.addProperty("edges", graph.edgeSet().size());
        result.addProperty("root_degree", graph.degreeOf(ROOT));
        result.addProperty("visited", visited);
        result.add("levels", levels);
        result.addProperty("level_gaps", levelGaps);
        result.addProperty("orphans", orphans);
        return SebsOutput.of(result, measurement.json(), begin, end);
    }

    private static boolean hasNeighbourOnLevel(Graph<Integer, DefaultEdge> graph, int vertex, int[] level, int wanted) {
        for (Integer neighbour : Graphs.neighborListOf(graph, vertex)) {
            if (level[neighbour] == wanted) {
                return true;
            }
        }
        return false;
    }
}
