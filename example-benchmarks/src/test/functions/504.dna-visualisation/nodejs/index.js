'use strict';

// 504.dna-visualisation: downloads a FASTA file, walks its sequence as a squiggle-style 2D line, uploads the line.
// The walk (docs/suite.md) starts at (0, 0); base number i (from 0) adds the points (i + 1/2, h + r) and
// (i + 1, h + s) where h is the height before the base: A rises and returns (r = 1/2, s = 0), C dips and returns
// (-1/2, 0), G steps up (1/2, 1), T steps down (-1/2, -1), any other letter stays level (0, 0). Header lines (">...")
// are skipped and lower-case letters count as upper-case. The result is uploaded as JSON, [[x0, x1, ...],
// [y0, y1, ...]], every coordinate an integer or an integer and a half. Storage goes through storage.js, the helper
// that openwhisk-storage adds to the package (SeBS ships one alike). Times in the result are microseconds.

const fs = require('fs');
const os = require('os');
const path = require('path');
const storage = require('./storage');

// is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp).
let freshProcess = true;

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

function micros(startNs, endNs) {
  return Number((endNs - startNs) / 1000n);
}

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
  const begin = Date.now() / 1000;
  storage.bind(params);
  const { bucket, input, output } = params.bucket;
  const { key } = params.object;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dna-'));
  try {
    const source = path.join(work, path.basename(key));
    const downloadStart = process.hrtime.bigint();
    const downloadSize = await storage.download(bucket, `${input}/${key}`, source);
    const downloadEnd = process.hrtime.bigint();

    const heights = walk(sequenceOf(fs.readFileSync(source, 'latin1')));
    const target = path.join(work, `${path.basename(key, path.extname(key))}.json`);
    const uploadSize = writeJson(heights, target);
    const computeEnd = process.hrtime.bigint();

    const outputKey = `${output}/${storage.uniqueName(path.basename(target))}`;
    await storage.upload(bucket, outputKey, target);
    const uploadEnd = process.hrtime.bigint();

    const isCold = freshProcess;
    freshProcess = false;
    return {
      result: { bucket, key: outputKey },
      measurement: {
        download_time: micros(downloadStart, downloadEnd),
        download_size: downloadSize,
        compute_time: micros(downloadEnd, computeEnd),
        upload_time: micros(computeEnd, uploadEnd),
        upload_size: uploadSize,
        points: heights.length,
      },
      begin,
      end: Date.now() / 1000,
      is_cold: isCold,
      request_id: process.env.__OW_ACTIVATION_ID || '',
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

exports.main = main;
