'use strict';

// 210.thumbnailer: downloads an image, resizes it to fit width x height keeping its aspect ratio, uploads it.
// Storage goes through storage.js, the helper that openwhisk-storage adds to the package (SeBS ships one alike).
// Times in the result are microseconds, as SeBS reports them.

const storage = require('./storage');
const sharp = require('sharp');

// is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp).
let freshProcess = true;

function micros(startNs, endNs) {
  return Number((endNs - startNs) / 1000n);
}

async function main(params) {
  const begin = Date.now() / 1000;
  storage.bind(params);
  const { bucket, input, output } = params.bucket;
  const { key, width, height } = params.object;

  const downloadStart = process.hrtime.bigint();
  const original = await storage.downloadBuffer(bucket, `${input}/${key}`);
  const downloadEnd = process.hrtime.bigint();

  const resized = await sharp(original)
    .resize(Number(width), Number(height), { fit: 'inside' })
    .jpeg()
    .toBuffer();
  const computeEnd = process.hrtime.bigint();

  const outputKey = `${output}/${storage.uniqueName(`resized-${key}`)}`;
  await storage.uploadBuffer(bucket, outputKey, resized);
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
