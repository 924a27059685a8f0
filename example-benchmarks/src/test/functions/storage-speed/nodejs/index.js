'use strict';

// Measures put+get of one object through the storage helper, against a local-file baseline in the same process.
// Each round puts `size` bytes and reads them back through storage.js (Minio client: one PUT, one GET), then writes
// and reads the same bytes to a local file (the baseline: the same bytes through the same process, without HTTP,
// signing and s3proxy). storage_cpu is the CPU time this process spent in each put+get. Times are microseconds,
// one entry per round after `warmup`.

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const storage = require('./storage');

function micros(start) {
  return Number((process.hrtime.bigint() - start) / 1000n);
}

async function main(params) {
  storage.bind(params);
  const { bucket, prefix } = params;
  const [size, rounds, warmup] = [Number(params.size), Number(params.rounds), Number(params.warmup)];
  const body = crypto.randomBytes(size);
  const series = { storage: [], storage_cpu: [], local: [] };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-speed-'));
  const local = path.join(work, 'local.bin');
  try {
    for (let round = 0; round < warmup + rounds; round += 1) {
      const key = `${prefix}/round-${round}`;
      let start = process.hrtime.bigint();
      const cpuStart = process.cpuUsage();
      await storage.uploadBuffer(bucket, key, body);
      const content = await storage.downloadBuffer(bucket, key);
      const storageTime = micros(start);
      const cpu = process.cpuUsage(cpuStart);
      if (content.length !== size) {
        throw new Error(`read ${content.length} bytes back from ${key}, expected ${size}`);
      }

      start = process.hrtime.bigint();
      fs.writeFileSync(local, body);
      fs.readFileSync(local);
      const localTime = micros(start);
      if (round >= warmup) {
        series.storage.push(storageTime);
        series.storage_cpu.push(cpu.user + cpu.system);
        series.local.push(localTime);
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return series;
}

exports.main = main;
