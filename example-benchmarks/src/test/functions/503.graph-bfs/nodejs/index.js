'use strict';

// 503.graph-bfs: generates a Barabási-Albert graph of `size` vertices from `seed` (barabasi-albert.js, shared by the
// three graph benchmarks) and searches it breadth-first from vertex 0 with graphology-traversal. The result gives the
// number of vertices on each level and two counts that prove the levels are distances from the root: `level_gaps`,
// edges whose ends lie more than one level apart, and `orphans`, vertices other than the root without a neighbour
// one level closer. Both are 0 exactly when every level is the shortest distance. They are computed after the timed
// sections. Times in `measurement` are microseconds, as SeBS reports them.

const barabasiAlbert = require('./barabasi-albert');
const { bfsFromNode } = require('graphology-traversal');

const ROOT = '0';

// is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp).
let freshProcess = true;

function micros(startNs, endNs) {
  return Number((endNs - startNs) / 1000n);
}

async function main(params) {
  const begin = Date.now() / 1000;
  const size = Number(params.size);
  const seed = params.seed === undefined ? 42 : Number(params.seed);

  const generateStart = process.hrtime.bigint();
  const graph = barabasiAlbert.generate(size, seed);
  const generateEnd = process.hrtime.bigint();
  const level = new Int32Array(graph.order).fill(-1);
  let visited = 0;
  bfsFromNode(graph, ROOT, (node, attributes, depth) => {
    level[Number(node)] = depth;
    visited++;
  });
  const computeEnd = process.hrtime.bigint();

  const end = Date.now() / 1000;
  const levels = [];
  for (const depth of level) {
    if (depth >= 0) {
      levels[depth] = (levels[depth] || 0) + 1;
    }
  }
  let levelGaps = 0;
  graph.forEachEdge((edge, attributes, source, target) => {
    if (Math.abs(level[Number(source)] - level[Number(target)]) > 1) {
      levelGaps++;
    }
  });
  let orphans = 0;
  graph.forEachNode((node) => {
    const depth = level[Number(node)];
    if (node !== ROOT && !graph.someNeighbor(node, (neighbour) => level[Number(neighbour)] === depth - 1)) {
      orphans++;
    }
  });
  const isCold = freshProcess;
  freshProcess = false;
  return {
    result: {
      vertices: graph.order,
      edges: graph.size,
      root_degree: graph.degree(ROOT),
      visited,
      levels,
      level_gaps: levelGaps,
      orphans,
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
