'use strict';

// Invocation overhead (SeBS's invocation-overhead experiment): answers with the time the call reached the function
// (receivedAt, epoch ms by the function's clock) and the length of the payload it got, so that the test can read
// the one-way time against its send time.
function main(params) {
  const receivedAt = Date.now();
  const payload = typeof params.payload === 'string' ? params.payload : '';
  return { receivedAt: receivedAt, payloadLength: payload.length };
}

exports.main = main;
