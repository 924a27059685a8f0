'use strict';

// 120.uploader: fetches a file from a URL and uploads it to object storage.
// Storage goes through storage.js, the helper that openwhisk-storage adds to the package (SeBS ships one alike).
// Times in the result are microseconds, as SeBS reports them.

const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const storage = require('./storage');

// is_cold: true for the first activation this process serves (the embedded OpenWhisk's containers share one /tmp).
let freshProcess = true;

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
  storage.bind(params);
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
    const key = `${output}/${storage.uniqueName(name)}`;
    await storage.upload(bucket, key, file);
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
