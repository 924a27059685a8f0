package org.serverlessbench.examples.functions.graph;

import com.google.gson.JsonObject;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.spanning.KruskalMinimumSpanningTree;
import org.jgrapht.graph.DefaultEdge;
import org.serverlessbench.examples.functions.sebs.SebsMeasurement;
import org.serverlessbench.examples.functions.sebs.SebsOutput;

/**
 * 502.graph-mst as a Java action: generates the Barabási-Albert graph and finds a minimum spanning tree with JGraphT's
 * Kruskal. The graph is unweighted, as in SeBS (every edge weighs 1), so every spanning tree is minimal. The result
 * describes the tree so that the caller can check it spans the graph: its edge count, how many components its edges
 * leave among the graph's vertices (1 for a spanning tree), and how many of its edges join vertices the graph does
 * not join (0). These are computed after the timed sections.
 */
public final class GraphMst {

    private GraphMst() {
    }

    public static JsonObject main(JsonObject args) {
        double begin = SebsOutput.nowSeconds();
        SebsMeasurement measurement = new SebsMeasurement();
        Graph<Integer, DefaultEdge> graph = BarabasiAlbert.generate(args, measurement);
        Set<DefaultEdge> tree = new KruskalMinimumSpanningTree<>(graph).getSpanningTree().getEdges();
        measurement.phase("compute");
        double end = SebsOutput.nowSeconds();

        int[] parent = new int[graph.vertexSet().size()];
        for (int v = 0; v < parent.length; v++) {
            parent[v] = v;
        }
        int components = parent.length;
        int foreign = 0;
        for (DefaultEdge edge : tree) {
            int source = graph.getEdgeSource(edge);
            int target = graph.getEdgeTarget(edge);
            if (!graph.containsEdge(source, target)) {
                foreign++;
            }
            int a = root(parent, source);
            int b = root(parent, target);
            if (a != b) {
                parent[a] = b;
                components--;
            }
        }
        JsonObject result = new JsonObject();
        result.addProperty("vertices", graph.vertexSet().size());
        result.addProperty("edges", graph.edgeSet().size());
        result.addProperty("tree_edges", tree.size());
        result.addProperty("tree_components", components);
        result.addProperty("foreign_edges", foreign);
        return SebsOutput.of(result, measurement.json(), begin, end);
    }

    /** Union-find root with path halving. */
    private static int root(int[] parent, int vertex) {
        int v = vertex;
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }
}
