'use strict';

// The Barabási-Albert generator of the Node.js graph benchmarks (501.graph-pagerank, 502.graph-mst, 503.graph-bfs):
// graphology has none. The test classes add this file to each function's package (SharedFunctionFiles), as
// openwhisk-storage adds its storage helper.

const Graph = require('graphology');

// Each new vertex attaches to this many existing ones, as in SeBS's graph benchmarks.
const ATTACHMENTS = 10;

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

// The benchmarks' graph: `size` vertices, ATTACHMENTS edges from each vertex after the first ATTACHMENTS, from `seed`.
function generate(size, seed) {
  return barabasiAlbert(size, ATTACHMENTS, seededRandom(seed));
}

// The graph of params' `size` vertices from its `seed` (default 42), timed as the phase graph_generating of
// `measurement` (sebs.js's Measurement).
function generateTimed(params, measurement) {
  const graph = generate(Number(params.size), params.seed === undefined ? 42 : Number(params.seed));
  measurement.phase('graph_generating');
  return graph;
}

module.exports = { generate, generateTimed };
