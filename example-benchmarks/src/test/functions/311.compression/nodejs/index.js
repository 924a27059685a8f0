'use strict';

// 311.compression: downloads every object under a prefix, zips them into one archive and uploads it.
// Storage, timings and the result shape come from sebs.js, the suite's shared harness.

const fs = require('fs');
const os = require('os');
const path = require('path');
const archiver = require('archiver');
const sebs = require('./sebs');

function zipFolder(folder, target) {
  return new Promise((resolve, reject) => {
    const output = fs.createWriteStream(target);
    const archive = archiver('zip', { zlib: { level: 6 } });
    output.on('close', resolve);
    archive.on('error', reject);
    archive.pipe(output);
    archive.directory(folder, false);
    archive.finalize();
  });
}

async function main(params) {
  const begin = sebs.nowSeconds();
  const buckets = new sebs.Buckets(params);
  const { storage, bucket } = buckets;
  const key = params.object.key;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'compression-'));
  try {
    const folder = path.join(work, key);
    const prefix = `${buckets.inputKey(key)}/`;
    const measurement = new sebs.Measurement();
    let downloadSize = 0;
    for (const entry of await storage.listObjects(bucket, prefix)) {
      downloadSize += await storage.download(bucket, entry.name, path.join(folder, entry.name.slice(prefix.length)));
    }
    measurement.phase('download', downloadSize);

    const archive = path.join(work, `${key}.zip`);
    await zipFolder(folder, archive);
    measurement.phase('compute');

    const outputKey = await buckets.upload(archive);
    measurement.phase('upload', fs.statSync(archive).size);
    return sebs.output({ bucket, key: outputKey }, begin, measurement.values);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

exports.main = main;
