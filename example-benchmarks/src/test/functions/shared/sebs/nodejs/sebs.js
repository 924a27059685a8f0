'use strict';

// The harness that the suite's Node.js functions share, as SeBS shares its wrapper: SeBS's result shape, phase
// timings in microseconds and the `bucket` parameter of the functions that use object storage. The test classes add
// this file to each function's package (SharedFunctionFiles in example-benchmarks).

const path = require('path');

// is_cold: true for the first activation this process serves. A module-level flag rather than SeBS's /tmp/cold_run
// marker, because the embedded OpenWhisk runs every container as a local process sharing one /tmp.
let freshProcess = true;

function nowSeconds() {
  return (performance.timeOrigin + performance.now()) / 1000;
}

// SeBS's shape: { result, measurement, begin, end, is_cold, request_id }; `end` (epoch seconds) defaults to now.
function output(result, begin, measurement, end = nowSeconds()) {
  const isCold = freshProcess;
  freshProcess = false;
  return {
    result,
    ...(measurement === undefined ? {} : { measurement }),
    begin,
    end,
    is_cold: isCold,
    request_id: process.env.__OW_ACTIVATION_ID || '',
  };
}

// SeBS's `measurement` of consecutive phases: phase(name) records `<name>_time`, the microseconds since the previous
// phase ended (or since the measurement was made), and with a size also `<name>_size` in bytes. output() takes
// `values`.
class Measurement {
  constructor() {
    this.values = {};
    this.mark = process.hrtime.bigint();
  }

  phase(name, size) {
    const now = process.hrtime.bigint();
    this.values[`${name}_time`] = Number((now - this.mark) / 1000n);
    this.mark = now;
    if (size !== undefined) {
      this.values[`${name}_size`] = size;
    }
  }
}

// SeBS's `bucket` parameter ({ bucket, input, output } prefixes) over storage.js, bound to the invocation's storage.
// storage.js is the helper that openwhisk-storage adds to the packages of functions that declare storage.
class Buckets {
  constructor(params) {
    this.storage = require('./storage');
    this.storage.bind(params);
    ({ bucket: this.bucket, input: this.input, output: this.output } = params.bucket);
  }

  inputKey(key) {
    return `${this.input}/${key}`;
  }

  // Writes input object `key` to the file `target`; answers its size in bytes.
  download(key, target) {
    return this.storage.download(this.bucket, this.inputKey(key), target);
  }

  downloadBuffer(key) {
    return this.storage.downloadBuffer(this.bucket, this.inputKey(key));
  }

  // Uploads the file `source` as an output object named after `name` (default: the file's name); answers its key.
  async upload(source, name = path.basename(source)) {
    return this.storage.upload(this.bucket, this.outputKey(name), source);
  }

  async uploadBuffer(name, data) {
    return this.storage.uploadBuffer(this.bucket, this.outputKey(name), data);
  }

  // SeBS's output naming: <output prefix>/<name>.<8 hex>.<extension>.
  outputKey(name) {
    return `${this.output}/${this.storage.uniqueName(name)}`;
  }
}

module.exports = { nowSeconds, output, Measurement, Buckets };
