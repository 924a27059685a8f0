'use strict';

// 210.thumbnailer: downloads an image, resizes it to fit width x height keeping its aspect ratio, uploads it.
// Storage, timings and the result shape come from sebs.js, the suite's shared harness.

const sharp = require('sharp');
const sebs = require('./sebs');

async function main(params) {
  const begin = sebs.nowSeconds();
  const buckets = new sebs.Buckets(params);
  const { key, width, height } = params.object;

  const clock = new sebs.Stopwatch();
  const original = await buckets.downloadBuffer(key);
  const downloadTime = clock.lap();

  const resized = await sharp(original)
    .resize(Number(width), Number(height), { fit: 'inside' })
    .jpeg()
    .toBuffer();
  const computeTime = clock.lap();

  const outputKey = await buckets.uploadBuffer(`resized-${key}`, resized);
  const uploadTime = clock.lap();
  return sebs.output({ bucket: buckets.bucket, key: outputKey }, begin, {
    download_time: downloadTime,
    download_size: original.length,
    compute_time: computeTime,
    upload_time: uploadTime,
    upload_size: resized.length,
  });
}

exports.main = main;
