'use strict';

// 503.graph-bfs: generates a Barabási-Albert graph of `size` vertices from `seed` and searches it breadth-first from
// vertex 0 with graphology-traversal (graphology has no Barabási-Albert generator, so it is written here). The result
// gives the number of vertices on each level and two counts that prove the levels are distances from the root:
// `level_gaps`, edges whose ends lie more than one level apart, and `orphans`, vertices other than the root without
// a neighbour one level closer. Both are 0 exactly when every level is the shortest distance. They are computed
// after the timed sections. Times in `measurement` are microseconds, as SeBS reports them.

const Graph = require('graphology');
const { bfsFromNode } = require('graphology-traversal');

const ROOT = '0';

// Each new vertex attaches to this many existing ones, as in SeBS's graph benchmarks.
const ATTACHMENTS = 10;

// is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp).
let freshProcess = true;

// A xorshift32 generator: the same seed gives the same graph on every run. Answers in [0, 1).
function seededRandom(seed) {
  let state = (Number(seed) >>> 0) || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

// Barabási-Albert: a clique of the first `attachments` vertices, then every further vertex joins `attachments`
// distinct earlier vertices picked with probability proportional to their degree. `endpoints` lists each vertex once
// per edge it has, so a uniform pick from it is a pick by degree. Vertices are keyed '0', '1', ...
function barabasiAlbert(size, attachments, random) {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let v = 0; v < size; v++) {
    graph.addNode(String(v));
  }
  const core = Math.min(size, attachments);
  const endpoints = [];
  for (let a = 0; a < core; a++) {
    for (let b = a + 1; b < core; b++) {
      graph.addEdge(String(a), String(b));
      endpoints.push(a, b);
    }
  }
  const picked = new Set();
  for (let v = core; v < size; v++) {
    picked.clear();
    while (picked.size < attachments) {
      picked.add(endpoints[Math.floor(random() * endpoints.length)]);
    }
    for (const u of picked) {
      graph.addEdge(String(v), String(u));
      endpoints.push(v, u);
    }
  }
  return graph;
}

function micros(startNs, endNs) {
  return Number((endNs - startNs) / 1000n);
}

async function main(params) {
  const begin = Date.now() / 1000;
  const size = Number(params.size);
  const seed = params.seed === undefined ? 42 : Number(params.seed);

  const generateStart = process.hrtime.bigint();
  const graph = barabasiAlbert(size, ATTACHMENTS, seededRandom(seed));
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
