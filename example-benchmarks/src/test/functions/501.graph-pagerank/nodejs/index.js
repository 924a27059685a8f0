'use strict';

// 501.graph-pagerank: generates a Barabási-Albert graph of `size` vertices from `seed` (barabasi-albert.js, shared
// by the three graph benchmarks) and ranks it with PageRank (graphology-metrics). Besides the ranks' sum and range,
// the result carries `residual`, the L1 distance between the ranks and one PageRank step applied to them on this
// graph: a fixed point has residual 0, so the caller can tell a real PageRank from a plausible vector. It is computed
// after the timed sections. Times in `measurement` are microseconds, as SeBS reports them.

const barabasiAlbert = require('./barabasi-albert');
const pagerank = require('graphology-metrics/centrality/pagerank');

const DAMPING = 0.85;

// is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp).
let freshProcess = true;

function micros(startNs, endNs) {
  return Number((endNs - startNs) / 1000n);
}

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
  const begin = Date.now() / 1000;
  const size = Number(params.size);
  const seed = params.seed === undefined ? 42 : Number(params.seed);

  const generateStart = process.hrtime.bigint();
  const graph = barabasiAlbert.generate(size, seed);
  const generateEnd = process.hrtime.bigint();
  // graphology stops when the L1 change of an iteration falls below order x tolerance: this asks for 1e-10.
  const ranks = pagerank(graph, {
    alpha: DAMPING, getEdgeWeight: null, maxIterations: 1000, tolerance: 1e-10 / Math.max(1, graph.order),
  });
  const computeEnd = process.hrtime.bigint();

  const end = Date.now() / 1000;
  const values = Object.values(ranks);
  const isCold = freshProcess;
  freshProcess = false;
  return {
    result: {
      vertices: graph.order,
      edges: graph.size,
      rank: ranks['0'],
      rank_sum: values.reduce((sum, value) => sum + value, 0),
      rank_min: values.reduce((min, value) => Math.min(min, value), Infinity),
      rank_max: values.reduce((max, value) => Math.max(max, value), -Infinity),
      residual: residual(graph, ranks),
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
