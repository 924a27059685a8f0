'use strict';

// 220.video-processing: downloads a video and runs ffmpeg on it, then uploads the result.
// Operations, as SeBS's: "watermark" overlays a mark on the first `duration` seconds, "extract-gif" turns them into
// an animated GIF. The mark is a half-transparent square that ffmpeg generates itself, so the function ships no
// image. SeBS's storage parameters arrive as action parameters; like SeBS's wrapper, the function moves them into
// the environment. Times in the result are microseconds, as SeBS reports them.

const { execFile } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Minio = require('minio');

// is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp).
let freshProcess = true;

const OPERATIONS = {
  watermark: ['mp4', (source, duration, target) => ['-i', source, '-f', 'lavfi', '-i',
    'color=c=white@0.5:s=64x64,format=rgba', '-t', String(duration), '-filter_complex',
    '[0:v][1:v]overlay=16:16:shortest=1', '-an', '-pix_fmt', 'yuv420p', target]],
  'extract-gif': ['gif', (source, duration, target) => ['-i', source, '-t', String(duration), '-vf',
    'fps=10,scale=320:-1:flags=lanczos', target]],
};

function storageClient(params) {
  for (const key of Object.keys(params).filter((name) => name.startsWith('MINIO_STORAGE_'))) {
    process.env[key] = String(params[key]);
    delete params[key];
  }
  const [host, port] = process.env.MINIO_STORAGE_CONNECTION_URL.split(':');
  return new Minio.Client({
    endPoint: host,
    port: Number(port),
    useSSL: false,
    accessKey: process.env.MINIO_STORAGE_ACCESS_KEY,
    secretKey: process.env.MINIO_STORAGE_SECRET_KEY,
    region: 'us-east-1',
    pathStyle: true,
  });
}

// SeBS's storage upload names an object name.<8 hex>.ext so that repeated runs do not overwrite each other.
function uniqueName(name) {
  const ext = path.extname(name);
  return `${path.basename(name, ext)}.${crypto.randomBytes(4).toString('hex')}${ext}`;
}

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
  const client = storageClient(params);
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
    await client.fGetObject(bucket, `${input}/${key}`, source);
    const downloadEnd = process.hrtime.bigint();

    const target = path.join(work, `${path.basename(key, path.extname(key))}-${op}.${extension}`);
    await ffmpeg(command(source, Number(duration), target));
    const computeEnd = process.hrtime.bigint();

    const outputKey = `${output}/${uniqueName(path.basename(target))}`;
    await client.fPutObject(bucket, outputKey, target);
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
