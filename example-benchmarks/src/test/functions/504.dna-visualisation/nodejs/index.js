'use strict';

// 504.dna-visualisation: downloads a FASTA file, walks its sequence as a squiggle-style 2D line, uploads the line.
// The walk (docs/suite.md) starts at (0, 0); base number i (from 0) adds the points (i + 1/2, h + r) and
// (i + 1, h + s) where h is the height before the base: A rises and returns (r = 1/2, s = 0), C dips and returns
// (-1/2, 0), G steps up (1/2, 1), T steps down (-1/2, -1), any other letter stays level (0, 0). Header lines (">...")
// are skipped and lower-case letters count as upper-case. The result is uploaded as JSON, [[x0, x1, ...],
// [y0, y1, ...]], every coordinate an integer or an integer and a half. Storage, timings and the result shape come
// from sebs.js, the suite's shared harness.

const fs = require('fs');
const os = require('os');
const path = require('path');
const sebs = require('./sebs');

// Per base (by character code, upper and lower case): twice the rise of the middle point and twice the change of
// height, so that all arithmetic stays integral.
const RISE = new Int8Array(128);
const STEP = new Int8Array(128);
for (const [bases, rise, step] of [['Aa', 1, 0], ['Cc', -1, 0], ['Gg', 1, 2], ['Tt', -1, -2]]) {
  for (const base of bases) {
    RISE[base.charCodeAt(0)] = rise;
    STEP[base.charCodeAt(0)] = step;
  }
}
const CHUNK = 1 << 16;

// The bases of a FASTA text, without header lines and line breaks (case kept; the walk ignores it).
function sequenceOf(text) {
  return text.split('\n').filter((line) => !line.startsWith('>')).map((line) => line.trim()).join('');
}

// Twice the y coordinate of every point of the walk (2 * sequence.length + 1 of them); x is half the index.
function walk(sequence) {
  const heights = new Float64Array(2 * sequence.length + 1);
  let height = 0;
  for (let i = 0; i < sequence.length; i += 1) {
    const code = sequence.charCodeAt(i) & 127;
    heights[2 * i + 1] = height + RISE[code];
    height += STEP[code];
    heights[2 * i + 2] = height;
  }
  return heights;
}

// twice / 2 as JSON: an integer, or an integer and a half.
function number(twice) {
  if (twice % 2 === 0) {
    return String(twice / 2);
  }
  return `${twice < 0 ? '-' : ''}${Math.floor(Math.abs(twice) / 2)}.5`;
}

// Writes [[x...], [y...]] to target; returns its size in bytes.
function writeJson(heights, target) {
  const out = fs.openSync(target, 'w');
  try {
    // valueAt(i) for i in [0, count), as JSON numbers separated by commas.
    const write = (count, valueAt) => {
      for (let start = 0; start < count; start += CHUNK) {
        const parts = [];
        for (let i = start; i < Math.min(start + CHUNK, count); i += 1) {
          parts.push(number(valueAt(i)));
        }
        fs.writeSync(out, (start ? ',' : '') + parts.join(','));
      }
    };
    fs.writeSync(out, '[[');
    write(heights.length, (i) => i);
    fs.writeSync(out, '],[');
    write(heights.length, (i) => heights[i]);
    fs.writeSync(out, ']]');
  } finally {
    fs.closeSync(out);
  }
  return fs.statSync(target).size;
}

async function main(params) {
  const begin = sebs.nowSeconds();
  const buckets = new sebs.Buckets(params);
  const { key } = params.object;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dna-'));
  try {
    const source = path.join(work, path.basename(key));
    const measurement = new sebs.Measurement();
    measurement.phase('download', await buckets.download(key, source));

    const heights = walk(sequenceOf(fs.readFileSync(source, 'latin1')));
    const target = path.join(work, `${path.basename(key, path.extname(key))}.json`);
    const uploadSize = writeJson(heights, target);
    measurement.phase('compute');

    const outputKey = await buckets.upload(target);
    measurement.phase('upload', uploadSize);
    measurement.values.points = heights.length;
    return sebs.output({ bucket: buckets.bucket, key: outputKey }, begin, measurement.values);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

exports.main = main;
