'use strict';

// 220.video-processing: downloads a video and runs ffmpeg on it, then uploads the result.
// Operations, as SeBS's: "watermark" overlays a mark on the first `duration` seconds, "extract-gif" turns them into
// an animated GIF. The mark is a half-transparent square that ffmpeg generates itself, so the function ships no
// image. Storage goes through storage.js, the helper that openwhisk-storage adds to the package (SeBS ships one
// alike). Times in the result are microseconds, as SeBS reports them.

const { execFile } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const storage = require('./storage');

// is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp).
let freshProcess = true;

const OPERATIONS = {
  watermark: ['mp4', (source, duration, target) => ['-i', source, '-f', 'lavfi', '-i',
    'color=c=white@0.5:s=64x64,format=rgba', '-t', String(duration), '-filter_complex',
    '[0:v][1:v]overlay=16:16:shortest=1', '-an', '-pix_fmt', 'yuv420p', target]],
  'extract-gif': ['gif', (source, duration, target) => ['-i', source, '-t', String(duration), '-vf',
    'fps=10,scale=320:-1:flags=lanczos', target]],
};

function micros(startNs, endNs) {
  return Number((endNs - startNs) / 1000n);
}

function ffmpeg(args) {
  return new Promise((resolve, reject) => {
    execFile('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { timeout: 120000 },
      (error, stdout, stderr) => (error ? reject(new Error(`ffmpeg failed: ${error.message} ${stderr}`)) : resolve()));
  });
}

async function main(params) {
  const begin = Date.now() / 1000;
  storage.bind(params);
  const { bucket, input, output } = params.bucket;
  const { key, op, duration } = params.object;
  if (!OPERATIONS[op]) {
    throw new Error(`220.video-processing has no operation "${op}"; operations: ${Object.keys(OPERATIONS)}`);
  }
  const [extension, command] = OPERATIONS[op];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'video-'));
  try {
    const source = path.join(work, path.basename(key));
    const downloadStart = process.hrtime.bigint();
    await storage.download(bucket, `${input}/${key}`, source);
    const downloadEnd = process.hrtime.bigint();

    const target = path.join(work, `${path.basename(key, path.extname(key))}-${op}.${extension}`);
    await ffmpeg(command(source, Number(duration), target));
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
        download_size: fs.statSync(source).size,
        compute_time: micros(downloadEnd, computeEnd),
        upload_time: micros(computeEnd, uploadEnd),
        upload_size: fs.statSync(target).size,
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
