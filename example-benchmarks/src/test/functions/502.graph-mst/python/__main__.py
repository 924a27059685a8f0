"""502.graph-mst: generates a Barabási-Albert graph of `size` vertices from `seed` and finds a minimum spanning tree.

The graph comes from barabasi_albert.py, shared by the three graph benchmarks; it is unweighted, as in SeBS, so every
spanning tree is minimal. The result describes the tree so that the caller can check it spans the graph: its edge
count, how many components its edges leave among the graph's vertices (1 for a spanning tree), and how many of its
edges are not edges of the graph (0). These are computed after the timed sections. Timings and the result shape
come from sebs.py, the suite's shared harness.
"""

import time

import barabasi_albert
import sebs



def components(vertex_count, edges):
    """Connected components of `vertex_count` vertices joined by `edges`, by union-find."""
    parent = list(range(vertex_count))

    def root(v):
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    count = vertex_count
    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[ra] = rb
            count -= 1
    return count


def main(args):
    begin = time.time()
    measurement = sebs.Measurement()
    graph = barabasi_albert.generate(args, measurement)
    tree = graph.spanning_tree(weights=None, return_tree=True)
    measurement.phase("compute")
    end = time.time()

    tree_edges = tree.get_edgelist()
    graph_edges = set(graph.get_edgelist())
    foreign = sum(1 for a, b in tree_edges if (a, b) not in graph_edges and (b, a) not in graph_edges)
    return sebs.output({
        "vertices": graph.vcount(),
        "edges": graph.ecount(),
        "tree_edges": len(tree_edges),
        "tree_components": components(graph.vcount(), tree_edges),
        "foreign_edges": foreign,
    }, begin, measurement, end)
