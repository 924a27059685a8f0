'use strict';

// 503.graph-bfs: generates a Barabási-Albert graph of `size` vertices from `seed` (barabasi-albert.js, shared by the
// three graph benchmarks) and searches it breadth-first from vertex 0 with graphology-traversal. The result gives the
// number of vertices on each level and two counts that prove the levels are distances from the root: `level_gaps`,
// edges whose ends lie more than one level apart, and `orphans`, vertices other than the root without a neighbour
// one level closer. Both are 0 exactly when every level is the shortest distance. They are computed after the timed
// sections. Timings and the result shape come from sebs.js, the suite's shared harness.

const barabasiAlbert = require('./barabasi-albert');
const sebs = require('./sebs');
const { bfsFromNode } = require('graphology-traversal');

const ROOT = '0';

async function main(params) {
  const begin = sebs.nowSeconds();
  const measurement = new sebs.Measurement();
  const graph = barabasiAlbert.generateTimed(params, measurement);
  const level = new Int32Array(graph.order).fill(-1);
  let visited = 0;
  bfsFromNode(graph, ROOT, (node, attributes, depth) => {
    level[Number(node)] = depth;
    visited++;
  });
  measurement.phase('compute');
  const end = sebs.nowSeconds();

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
  return sebs.output({
    vertices: graph.order,
    edges: graph.size,
    root_degree: graph.degree(ROOT),
    visited,
    levels,
    level_gaps: levelGaps,
    orphans,
  }, begin, measurement.values, end);
}

exports.main = main;
