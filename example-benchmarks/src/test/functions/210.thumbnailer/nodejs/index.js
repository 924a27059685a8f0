'use strict';

// 210.thumbnailer: downloads an image, resizes it to fit width x height keeping its aspect ratio, uploads it.
// Storage, timings and the result shape come from sebs.js, the suite's shared harness.

const sharp = require('sharp');
const sebs = require('./sebs');

async function main(params) {
  const begin = sebs.nowSeconds();
  const buckets = new sebs.Buckets(params);
  const { key, width, height } = params.object;

  const measurement = new sebs.Measurement();
  const original = await buckets.downloadBuffer(key);
  measurement.phase('download', original.length);

  const resized = await sharp(original)
    .resize(Number(width), Number(height), { fit: 'inside' })
    .jpeg()
    .toBuffer();
  measurement.phase('compute');

  const outputKey = await buckets.uploadBuffer(`resized-${key}`, resized);
  measurement.phase('upload', resized.length);
  return sebs.output({ bucket: buckets.bucket, key: outputKey }, begin, measurement.values);
}

exports.main = main;
