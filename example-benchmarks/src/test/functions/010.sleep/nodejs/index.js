'use strict';

// 010.sleep: sleeps for `sleep` seconds and reports SeBS-style timings.
//
// is_cold: true for the first activation this process serves. A module-level flag rather than SeBS's /tmp/cold_run
// marker, because the embedded OpenWhisk runs every container as a local process sharing one /tmp.
let freshProcess = true;

// A JSON number, or a numeric string from a web action's query; NaN for anything else.
function toNumber(value) {
  return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '') ? Number(value) : NaN;
}

function nowSeconds() {
  return (performance.timeOrigin + performance.now()) / 1000;
}

async function main(params) {
  const begin = nowSeconds();
  const seconds = toNumber(params.sleep);
  if (!Number.isFinite(seconds) || seconds < 0) {
    return { error: `010.sleep needs a parameter "sleep" with a number of seconds >= 0, got ${JSON.stringify(params.sleep)}` };
  }
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const end = nowSeconds();
  // tag::output[]
  const isCold = freshProcess;
  freshProcess = false;
  return {
    result: { sleep: seconds },
    begin,
    end,
    is_cold: isCold,
    request_id: process.env.__OW_ACTIVATION_ID || '',
  };
  // end::output[]
}

exports.main = main;
