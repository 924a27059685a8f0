"""The Barabási-Albert graph of the Python graph benchmarks (501.graph-pagerank, 502.graph-mst, 503.graph-bfs):
python-igraph's generator, which draws from Python's `random` module, so seeding that makes the graph reproducible.
The test classes add this file to each function's package (SharedFunctionFiles), beside sebs.py.
"""

import random

import igraph

# Each new vertex attaches to this many existing ones, as in SeBS's graph benchmarks.
ATTACHMENTS = 10


def generate(args, measurement):
    """The graph of args' `size` vertices from its `seed` (default 42), timed as the phase graph_generating."""
    size = int(args["size"])
    random.seed(int(args.get("seed", 42)))
    graph = igraph.Graph.Barabasi(size, ATTACHMENTS)
    measurement.phase("graph_generating")
    return graph
