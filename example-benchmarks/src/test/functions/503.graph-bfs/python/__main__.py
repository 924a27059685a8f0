"""503.graph-bfs: generates a Barabási-Albert graph of `size` vertices from `seed` and searches it breadth-first.

The graph comes from barabasi_albert.py, shared by the three graph benchmarks. The search starts at vertex 0. The
result gives the number of vertices on each level and two counts that prove the levels are distances from the root:
`level_gaps`, edges whose ends lie more than one level apart, and `orphans`, vertices other than the root without a
neighbour one level closer. Both are 0 exactly when every level is the shortest distance. They are computed after
the timed sections. Timings and the result shape come from sebs.py, the suite's shared harness.
"""

import time

import barabasi_albert
import sebs

ROOT = 0


def main(args):
    begin = time.time()
    measurement = sebs.Measurement()
    graph = barabasi_albert.generate(args, measurement)
    order, layer_starts, _parents = graph.bfs(ROOT)
    measurement.phase("compute")
    end = time.time()

    level = [-1] * graph.vcount()
    for depth in range(len(layer_starts) - 1):
        for vertex in order[layer_starts[depth]:layer_starts[depth + 1]]:
            level[vertex] = depth
    level_gaps = sum(1 for a, b in graph.get_edgelist() if abs(level[a] - level[b]) > 1)
    adjacency = graph.get_adjlist()
    orphans = sum(1 for v in range(graph.vcount())
                  if v != ROOT and not any(level[u] == level[v] - 1 for u in adjacency[v]))
    return sebs.output({
        "vertices": graph.vcount(),
        "edges": graph.ecount(),
        "root_degree": graph.degree(ROOT),
        "visited": len(order),
        "levels": [layer_starts[i + 1] - layer_starts[i] for i in range(len(layer_starts) - 1)],
        "level_gaps": level_gaps,
        "orphans": orphans,
    }, begin, measurement, end)
