'use strict';

// 501.graph-pagerank: generates a Barabási-Albert graph of `size` vertices from `seed` (barabasi-albert.js, shared
// by the three graph benchmarks) and ranks it with PageRank (graphology-metrics). Besides the ranks' sum and range,
// the result carries `residual`, the L1 distance between the ranks and one PageRank step applied to them on this
// graph: a fixed point has residual 0, so the caller can tell a real PageRank from a plausible vector. It is computed
// after the timed sections. Timings and the result shape come from sebs.js, the suite's shared harness.

const barabasiAlbert = require('./barabasi-albert');
const sebs = require('./sebs');
const pagerank = require('graphology-metrics/centrality/pagerank');

const DAMPING = 0.85;

// Sum over vertices of |rank - ((1 - d) / n + d * (sum of neighbour rank / neighbour degree + dangling / n))|.
function residual(graph, ranks) {
  const n = graph.order;
  let dangling = 0;
  graph.forEachNode((node) => {
    if (graph.degree(node) === 0) {
      dangling += ranks[node];
    }
  });
  let total = 0;
  graph.forEachNode((node) => {
    let incoming = 0;
    graph.forEachNeighbor(node, (neighbour) => {
      incoming += ranks[neighbour] / graph.degree(neighbour);
    });
    total += Math.abs(ranks[node] - ((1 - DAMPING) / n + DAMPING * (incoming + dangling / n)));
  });
  return total;
}

async function main(params) {
  const begin = sebs.nowSeconds();
  const measurement = new sebs.Measurement();
  const graph = barabasiAlbert.generateTimed(params, measurement);
  // graphology stops when the L1 change of an iteration falls below order x tolerance: this asks for 1e-10.
  const ranks = pagerank(graph, {
    alpha: DAMPING, getEdgeWeight: null, maxIterations: 1000, tolerance: 1e-10 / Math.max(1, graph.order),
  });
  measurement.phase('compute');
  const end = sebs.nowSeconds();

  const values = Object.values(ranks);
  return sebs.output({
    vertices: graph.order,
    edges: graph.size,
    rank: ranks['0'],
    rank_sum: values.reduce((sum, value) => sum + value, 0),
    rank_min: values.reduce((min, value) => Math.min(min, value), Infinity),
    rank_max: values.reduce((max, value) => Math.max(max, value), -Infinity),
    residual: residual(graph, ranks),
  }, begin, measurement.values, end);
}

exports.main = main;
