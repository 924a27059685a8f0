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
  const size = Number(params.size);
  const seed = params.seed === undefined ? 42 : Number(params.seed);

  const clock = new sebs.Stopwatch();
  const graph = barabasiAlbert.generate(size, seed);
  const graphGeneratingTime = clock.lap();
  const level = new Int32Array(graph.order).fill(-1);
  let visited = 0;
  bfsFromNode(graph, ROOT, (node, attributes, depth) => {
    level[Number(node)] = depth;
    visited++;
  });
  const computeTime = clock.lap();
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
  }, begin, { graph_generating_time: graphGeneratingTime, compute_time: computeTime }, end);
}

exports.main = main;
