'use strict';

// 502.graph-mst: generates a Barabási-Albert graph of `size` vertices from `seed` (barabasi-albert.js, shared by the
// three graph benchmarks) and finds a minimum spanning tree with Kruskal's algorithm over its graphology graph
// (graphology has no spanning-tree function, so it is written here). The graph is unweighted, as in SeBS: every edge
// weighs 1 and every spanning tree is minimal. The result describes the tree so that the caller can check it spans
// the graph: its edge count, how many components its edges leave among the graph's vertices (1 for a spanning tree),
// and how many of its edges are not edges of the graph (0). These are computed after the timed sections. Times in
// `measurement` are microseconds, as SeBS reports them.

const barabasiAlbert = require('./barabasi-albert');

// is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp).
let freshProcess = true;

function micros(startNs, endNs) {
  return Number((endNs - startNs) / 1000n);
}

// Union-find over vertices 0..count-1 with path halving; `union` answers whether it joined two components.
function disjointSets(count) {
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const root = (v) => {
    let x = v;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  return {
    union(a, b) {
      const ra = root(a);
      const rb = root(b);
      if (ra === rb) {
        return false;
      }
      parent[ra] = rb;
      return true;
    },
  };
}

// Kruskal: edges by ascending weight (the `weight` attribute, 1 when absent), each kept if it joins two components.
function minimumSpanningTree(graph) {
  const edges = [];
  graph.forEachEdge((edge, attributes, source, target) => {
    edges.push({ source: Number(source), target: Number(target), weight: attributes.weight ?? 1 });
  });
  edges.sort((a, b) => a.weight - b.weight);
  const sets = disjointSets(graph.order);
  return edges.filter((edge) => sets.union(edge.source, edge.target));
}

function components(count, edges) {
  const sets = disjointSets(count);
  let remaining = count;
  for (const edge of edges) {
    if (sets.union(edge.source, edge.target)) {
      remaining--;
    }
  }
  return remaining;
}

async function main(params) {
  const begin = Date.now() / 1000;
  const size = Number(params.size);
  const seed = params.seed === undefined ? 42 : Number(params.seed);

  const generateStart = process.hrtime.bigint();
  const graph = barabasiAlbert.generate(size, seed);
  const generateEnd = process.hrtime.bigint();
  const tree = minimumSpanningTree(graph);
  const computeEnd = process.hrtime.bigint();

  const end = Date.now() / 1000;
  const foreign = tree.filter((edge) => !graph.hasEdge(String(edge.source), String(edge.target))).length;
  const isCold = freshProcess;
  freshProcess = false;
  return {
    result: {
      vertices: graph.order,
      edges: graph.size,
      tree_edges: tree.length,
      tree_components: components(graph.order, tree),
      foreign_edges: foreign,
    },
    measurement: {
      graph_generating_time: micros(generateStart, generateEnd),
      compute_time: micros(generateEnd, computeEnd),
    },
    begin,
    end,
    is_cold: isCold,
    request_id: process.env.__OW_ACTIVATION_ID || '',
  };
}

exports.main = main;
