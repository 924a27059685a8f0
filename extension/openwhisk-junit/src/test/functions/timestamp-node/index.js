// Answers with the time it received the call (epoch ms, its own clock) and the length of its "payload" parameter,
// for payload sweeps and clock-offset estimates.
function main(params) {
  const receivedAt = Date.now();
  const payload = typeof params.payload === 'string' ? params.payload : '';
  return { receivedAt: receivedAt, payloadLength: payload.length };
}

exports.main = main;
