'use strict';

// 311.compression: downloads every object under a prefix, zips them into one archive and uploads it.
// Storage goes through storage.js, the helper that openwhisk-storage adds to the package (SeBS ships one alike).
// Times in the result are microseconds, as SeBS reports them.

const fs = require('fs');
const os = require('os');
const path = require('path');
const archiver = require('archiver');
const storage = require('./storage');

// is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp).
let freshProcess = true;

function micros(startNs, endNs) {
  return Number((endNs - startNs) / 1000n);
}

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
  const begin = Date.now() / 1000;
  storage.bind(params);
  const { bucket, input, output } = params.bucket;
  const key = params.object.key;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'compression-'));
  try {
    const folder = path.join(work, key);
    const prefix = `${input}/${key}/`;
    const downloadStart = process.hrtime.bigint();
    let downloadSize = 0;
    for (const entry of await storage.listObjects(bucket, prefix)) {
      downloadSize += await storage.download(bucket, entry.name, path.join(folder, entry.name.slice(prefix.length)));
    }
    const downloadEnd = process.hrtime.bigint();

    const archive = path.join(work, `${key}.zip`);
    await zipFolder(folder, archive);
    const compressEnd = process.hrtime.bigint();

    const outputKey = `${output}/${storage.uniqueName(path.basename(archive))}`;
    await storage.upload(bucket, outputKey, archive);
    const uploadEnd = process.hrtime.bigint();
    const uploadSize = fs.statSync(archive).size;

    const isCold = freshProcess;
    freshProcess = false;
    return {
      result: { bucket, key: outputKey },
      measurement: {
        download_time: micros(downloadStart, downloadEnd),
        download_size: downloadSize,
        compute_time: micros(downloadEnd, compressEnd),
        upload_time: micros(compressEnd, uploadEnd),
        upload_size: uploadSize,
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
