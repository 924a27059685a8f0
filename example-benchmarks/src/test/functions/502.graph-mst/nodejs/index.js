'use strict';

// 502.graph-mst: generates a Barabási-Albert graph of `size` vertices from `seed` (barabasi-albert.js, shared by the
// three graph benchmarks) and finds a minimum spanning tree with Kruskal's algorithm over its graphology graph
// (graphology has no spanning-tree function, so it is written here). The graph is unweighted, as in SeBS: every edge
// weighs 1 and every spanning tree is minimal. The result describes the tree so that the caller can check it spans
// the graph: its edge count, how many components its edges leave among the graph's vertices (1 for a spanning tree),
// and how many of its edges are not edges of the graph (0). These are computed after the timed sections. Timings and
// the result shape come from sebs.js, the suite's shared harness.

const barabasiAlbert = require('./barabasi-albert');
const sebs = require('./sebs');

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
  const begin = sebs.nowSeconds();
  const measurement = new sebs.Measurement();
  const graph = barabasiAlbert.generateTimed(params, measurement);
  const tree = minimumSpanningTree(graph);
  measurement.phase('compute');
  const end = sebs.nowSeconds();

  const foreign = tree.filter((edge) => !graph.hasEdge(String(edge.source), String(edge.target))).length;
  return sebs.output({
    vertices: graph.order,
    edges: graph.size,
    tree_edges: tree.length,
    tree_components: components(graph.order, tree),
    foreign_edges: foreign,
  }, begin, measurement.values, end);
}

exports.main = main;
