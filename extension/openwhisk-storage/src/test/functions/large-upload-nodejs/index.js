'use strict';

// Writes `size` bytes to a file, the 32-bit big-endian integers 0, 1, 2, ..., uploads it through the storage helper
// that openwhisk-storage adds to the package, and answers the peak resident memory of this process (VmHWM).

const fs = require('fs');
const os = require('os');
const path = require('path');
const storage = require('./storage');

const BLOCK = 1 << 20;

async function writeCounting(file, size) {
  const handle = await fs.promises.open(file, 'w');
  try {
    const block = Buffer.alloc(BLOCK);
    for (let offset = 0; offset < size; offset += BLOCK) {
      for (let i = 0; i < BLOCK; i += 4) {
        block.writeUInt32BE((offset + i) / 4, i);
      }
      await handle.write(block, 0, Math.min(BLOCK, size - offset));
    }
  } finally {
    await handle.close();
  }
}

function peakResidentBytes() {
  return 1024 * Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]);
}

async function main(params) {
  storage.bind(params);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'large-upload-'));
  try {
    const file = path.join(work, 'large.bin');
    await writeCounting(file, Number(params.size));
    await storage.upload(params.bucket, params.key, file);
    return { peak_resident_bytes: peakResidentBytes() };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

exports.main = main;
