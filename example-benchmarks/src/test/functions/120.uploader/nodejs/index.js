'use strict';

// 120.uploader: fetches a file from a URL and uploads it to object storage.
// Storage, timings and the result shape come from sebs.js, the suite's shared harness.

const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const sebs = require('./sebs');

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
  const begin = sebs.nowSeconds();
  const buckets = new sebs.Buckets(params);
  const url = params.object.url;
  const name = path.basename(new URL(url).pathname) || 'download';
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uploader-'));
  try {
    const file = path.join(work, name);
    const measurement = new sebs.Measurement();
    await download(url, file);
    const size = fs.statSync(file).size;
    measurement.phase('download', size);
    const key = await buckets.upload(file);
    measurement.phase('upload', size);
    return sebs.output({ bucket: buckets.bucket, url, key }, begin, measurement.values);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

exports.main = main;
