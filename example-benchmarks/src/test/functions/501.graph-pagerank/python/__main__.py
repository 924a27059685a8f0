"""501.graph-pagerank: generates a Barabási-Albert graph of `size` vertices from `seed` and ranks it with PageRank.

The graph comes from barabasi_albert.py, shared by the three graph benchmarks. Besides the ranks' sum and range, the
result carries `residual`, the L1 distance between the ranks and one PageRank step applied to them on this graph: a
fixed point has residual 0, so the caller can tell a real PageRank from a plausible vector. It is computed after the
timed sections. Timings and the result shape come from sebs.py, the suite's shared harness.
"""

import time

import barabasi_albert
import sebs

DAMPING = 0.85


def residual(graph, ranks):
    """Sum over vertices of |rank - ((1 - d) / n + d * (sum of neighbour rank / neighbour degree + dangling / n))|."""
    n = graph.vcount()
    degrees = graph.degree()
    shares = [ranks[v] / degrees[v] if degrees[v] else 0.0 for v in range(n)]
    dangling = sum(ranks[v] for v in range(n) if degrees[v] == 0)
    total = 0.0
    for vertex, neighbours in enumerate(graph.get_adjlist()):
        step = (1 - DAMPING) / n + DAMPING * (sum(shares[u] for u in neighbours) + dangling / n)
        total += abs(ranks[vertex] - step)
    return total


def main(args):
    begin = time.time()
    measurement = sebs.Measurement()
    graph = barabasi_albert.generate(args, measurement)
    ranks = graph.pagerank(damping=DAMPING)
    measurement.phase("compute")
    end = time.time()

    return sebs.output({
        "vertices": graph.vcount(),
        "edges": graph.ecount(),
        "rank": ranks[0],
        "rank_sum": sum(ranks),
        "rank_min": min(ranks),
        "rank_max": max(ranks),
        "residual": residual(graph, ranks),
    }, begin, measurement, end)
