'use strict';

// 311.compression: downloads every object under a prefix, zips them into one archive and uploads it.
// SeBS's storage parameters arrive as action parameters; like SeBS's wrapper, the function moves them into the
// environment. Times in the result are microseconds, as SeBS reports them.

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const archiver = require('archiver');
const Minio = require('minio');

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

function listObjects(client, bucket, prefix) {
  return new Promise((resolve, reject) => {
    const entries = [];
    client.listObjectsV2(bucket, prefix, true)
      .on('data', (entry) => entries.push(entry))
      .on('error', reject)
      .on('end', () => resolve(entries));
  });
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
  const client = storageClient(params);
  const { bucket, input, output } = params.bucket;
  const key = params.object.key;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'compression-'));
  try {
    const folder = path.join(work, key);
    const prefix = `${input}/${key}/`;
    const downloadStart = process.hrtime.bigint();
    let downloadSize = 0;
    for (const entry of await listObjects(client, bucket, prefix)) {
      await client.fGetObject(bucket, entry.name, path.join(folder, entry.name.slice(prefix.length)));
      downloadSize += entry.size;
    }
    const downloadEnd = process.hrtime.bigint();

    const archive = path.join(work, `${key}.zip`);
    await zipFolder(folder, archive);
    const compressEnd = process.hrtime.bigint();

    const outputKey = `${output}/${uniqueName(path.basename(archive))}`;
    await client.fPutObject(bucket, outputKey, archive);
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
