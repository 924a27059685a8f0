package org.serverlessbench.examples.functions.graph;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.generate.BarabasiAlbertGraphGenerator;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.util.SupplierUtil;
import org.serverlessbench.examples.functions.sebs.SebsMeasurement;

/**
 * The graph of SeBS's 501, 502 and 503: a Barabási-Albert graph of {@code size} vertices from {@code seed}, made by
 * JGraphT's generator. It starts from a clique of {@value #ATTACHMENTS} vertices (fewer if the graph is smaller) and
 * each further vertex attaches to {@value #ATTACHMENTS} earlier ones, so it has 45 + 10 (size - 10) edges from 10
 * vertices on, as python-igraph's Barabási graphs with the same parameter do. Vertices are 0 .. size - 1.
 */
final class BarabasiAlbert {

    /** Edges each new vertex brings, as in SeBS's graph benchmarks. */
    static final int ATTACHMENTS = 10;

    static final long DEFAULT_SEED = 42;

    private BarabasiAlbert() {
    }

    static Graph<Integer, DefaultEdge> generate(int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, got " + size);
        }
        Graph<Integer, DefaultEdge> graph = new SimpleGraph<>(SupplierUtil.createIntegerSupplier(),
                SupplierUtil.DEFAULT_EDGE_SUPPLIER, false);
        int core = Math.min(size, ATTACHMENTS);
        new BarabasiAlbertGraphGenerator<Integer, DefaultEdge>(core, core, size, new Random(seed))
                .generateGraph(graph);
        return graph;
    }

    /** The graph of {@code args}' {@code size} vertices from its {@code seed}, timed as phase graph_generating. */
    static Graph<Integer, DefaultEdge> generate(JsonObject args, SebsMeasurement measurement) {
        Graph<Integer, DefaultEdge> graph = generate(size(args), seed(args));
        measurement.phase("graph_generating");
        return graph;
    }

    /** The {@code size} parameter, which SeBS's input generator sets to 10, 10 000 or 100 000. */
    private static int size(JsonObject args) {
        JsonElement size = args.get("size");
        if (size == null || !size.isJsonPrimitive()) {
            throw new IllegalArgumentException("the graph benchmarks need a parameter \"size\" (vertices), got "
                    + args);
        }
        return size.getAsInt();
    }

    private static long seed(JsonObject args) {
        JsonElement seed = args.get("seed");
        return seed == null || seed.isJsonNull() ? DEFAULT_SEED : seed.getAsLong();
    }
}
