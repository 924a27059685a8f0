'use strict';

// 120.uploader: fetches a file from a URL and uploads it to object storage.
// SeBS's storage parameters arrive as action parameters; like SeBS's wrapper, the function moves them into the
// environment. Times in the result are microseconds, as SeBS reports them.

const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
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

function download(url, target) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { timeout: 60000 }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`GET ${url} answered ${response.statusCode}`));
        return;
      }
      const file = fs.createWriteStream(target);
      response.pipe(file);
      file.on('finish', () => file.close(resolve));
      file.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on('error', reject);
  });
}

async function main(params) {
  const begin = Date.now() / 1000;
  const client = storageClient(params);
  const { bucket, output } = params.bucket;
  const url = params.object.url;
  const name = path.basename(new URL(url).pathname) || 'download';
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uploader-'));
  try {
    const file = path.join(work, name);
    const downloadStart = process.hrtime.bigint();
    await download(url, file);
    const downloadEnd = process.hrtime.bigint();
    const size = fs.statSync(file).size;
    const key = `${output}/${uniqueName(name)}`;
    await client.fPutObject(bucket, key, file);
    const uploadEnd = process.hrtime.bigint();

    const isCold = freshProcess;
    freshProcess = false;
    return {
      result: { bucket, url, key },
      measurement: {
        download_time: micros(downloadStart, downloadEnd),
        download_size: size,
        upload_time: micros(downloadEnd, uploadEnd),
        upload_size: size,
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
