'use strict';

// 210.thumbnailer: downloads an image, resizes it to fit width x height keeping its aspect ratio, uploads it.
// SeBS's storage parameters arrive as action parameters; like SeBS's wrapper, the function moves them into the
// environment. Times in the result are microseconds, as SeBS reports them.

const crypto = require('crypto');
const path = require('path');
const Minio = require('minio');
const sharp = require('sharp');

// is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp).
let freshProcess = true;

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

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function main(params) {
  const begin = Date.now() / 1000;
  const client = storageClient(params);
  const { bucket, input, output } = params.bucket;
  const { key, width, height } = params.object;

  const downloadStart = process.hrtime.bigint();
  const original = await readAll(await client.getObject(bucket, `${input}/${key}`));
  const downloadEnd = process.hrtime.bigint();

  const resized = await sharp(original)
    .resize(Number(width), Number(height), { fit: 'inside' })
    .jpeg()
    .toBuffer();
  const computeEnd = process.hrtime.bigint();

  const outputKey = `${output}/${uniqueName(`resized-${key}`)}`;
  await client.putObject(bucket, outputKey, resized, resized.length);
  const uploadEnd = process.hrtime.bigint();

  const isCold = freshProcess;
  freshProcess = false;
  return {
    result: { bucket, key: outputKey },
    measurement: {
      download_time: micros(downloadStart, downloadEnd),
      download_size: original.length,
      compute_time: micros(downloadEnd, computeEnd),
      upload_time: micros(computeEnd, uploadEnd),
      upload_size: resized.length,
    },
    begin,
    end: Date.now() / 1000,
    is_cold: isCold,
    request_id: process.env.__OW_ACTIVATION_ID || '',
  };
}

exports.main = main;
