"""501.graph-pagerank: generates a Barabási-Albert graph of `size` vertices from `seed` and ranks it with PageRank.

python-igraph draws from Python's `random` module, so seeding it makes the graph reproducible. Besides the ranks'
sum and range, the result carries `residual`, the L1 distance between the ranks and one PageRank step applied to
them on this graph: a fixed point has residual 0, so the caller can tell a real PageRank from a plausible vector.
It is computed after the timed sections. Times in `measurement` are microseconds, as SeBS reports them.
"""

import os
import random
import time

import igraph

# Each new vertex attaches to this many existing ones, as in SeBS's graph benchmarks.
ATTACHMENTS = 10
DAMPING = 0.85

# is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp).
_fresh_process = True


def micros(start_ns, end_ns):
    return (end_ns - start_ns) // 1000


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
    global _fresh_process
    begin = time.time()
    size = int(args["size"])
    random.seed(int(args.get("seed", 42)))

    generate_start = time.perf_counter_ns()
    graph = igraph.Graph.Barabasi(size, ATTACHMENTS)
    generate_end = time.perf_counter_ns()
    ranks = graph.pagerank(damping=DAMPING)
    compute_end = time.perf_counter_ns()

    end = time.time()
    is_cold, _fresh_process = _fresh_process, False
    return {
        "result": {
            "vertices": graph.vcount(),
            "edges": graph.ecount(),
            "rank": ranks[0],
            "rank_sum": sum(ranks),
            "rank_min": min(ranks),
            "rank_max": max(ranks),
            "residual": residual(graph, ranks),
        },
        "measurement": {
            "graph_generating_time": micros(generate_start, generate_end),
            "compute_time": micros(generate_end, compute_end),
        },
        "begin": begin,
        "end": end,
        "is_cold": is_cold,
        "request_id": os.environ.get("__OW_ACTIVATION_ID", ""),
    }
