'use strict';

// 220.video-processing: downloads a video and runs ffmpeg on it, then uploads the result.
// Operations, as SeBS's: "watermark" overlays a mark on the first `duration` seconds, "extract-gif" turns them into
// an animated GIF. The mark is a half-transparent square that ffmpeg generates itself, so the function ships no
// image. Storage, timings and the result shape come from sebs.js, the suite's shared harness.

const { execFile } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const sebs = require('./sebs');

const OPERATIONS = {
  watermark: ['mp4', (source, duration, target) => ['-i', source, '-f', 'lavfi', '-i',
    'color=c=white@0.5:s=64x64,format=rgba', '-t', String(duration), '-filter_complex',
    '[0:v][1:v]overlay=16:16:shortest=1', '-an', '-pix_fmt', 'yuv420p', target]],
  'extract-gif': ['gif', (source, duration, target) => ['-i', source, '-t', String(duration), '-vf',
    'fps=10,scale=320:-1:flags=lanczos', target]],
};

function ffmpeg(args) {
  return new Promise((resolve, reject) => {
    execFile('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { timeout: 120000 },
      (error, stdout, stderr) => (error ? reject(new Error(`ffmpeg failed: ${error.message} ${stderr}`)) : resolve()));
  });
}

async function main(params) {
  const begin = sebs.nowSeconds();
  const buckets = new sebs.Buckets(params);
  const { key, op, duration } = params.object;
  if (!OPERATIONS[op]) {
    throw new Error(`220.video-processing has no operation "${op}"; operations: ${Object.keys(OPERATIONS)}`);
  }
  const [extension, command] = OPERATIONS[op];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'video-'));
  try {
    const source = path.join(work, path.basename(key));
    const measurement = new sebs.Measurement();
    measurement.phase('download', await buckets.download(key, source));

    const target = path.join(work, `${path.basename(key, path.extname(key))}-${op}.${extension}`);
    await ffmpeg(command(source, Number(duration), target));
    measurement.phase('compute');

    const outputKey = await buckets.upload(target);
    measurement.phase('upload', fs.statSync(target).size);
    return sebs.output({ bucket: buckets.bucket, key: outputKey }, begin, measurement.values);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

exports.main = main;
