// Stalls like a platform that hangs for a while. The first activation that starts at or after stallFromMs (epoch
// milliseconds) opens the stall, which lasts stallMs (default 1000); every activation that starts before the stall
// ends answers only when it ends. Activations of all containers share the stall through a file in the temporary
// folder named by stallKey. The measurement says when the stall was and how long this activation was held.
const fs = require('fs');
const os = require('os');
const path = require('path');

function stallStart(key, now) {
  const file = path.join(os.tmpdir(), 'owj-stall-' + key);
  const draft = file + '.' + process.pid + '.' + now;
  fs.writeFileSync(draft, String(now));
  try {
    // a hard link is created whole or not at all: the first activation wins, the others read its start
    fs.linkSync(draft, file);
    return now;
  } catch (e) {
    return Number(fs.readFileSync(file, 'utf8'));
  } finally {
    fs.unlinkSync(draft);
  }
}

function main(params) {
  const now = Date.now();
  const key = String(params.stallKey || '').replace(/[^0-9]/g, '');
  let from = 0;
  let until = 0;
  if (key && now >= Number(params.stallFromMs || 0)) {
    from = stallStart(key, now);
    until = from + Number(params.stallMs || 1000);
  }
  const stalledMs = now < until ? until - now : 0;
  const answer = { measurement: { stallKey: Number(key || 0), startedAtMs: now, stallStartMs: from,
    stallUntilMs: until, stalledMs: stalledMs } };
  if (stalledMs > 0) {
    return new Promise(resolve => setTimeout(() => resolve(answer), stalledMs));
  }
  return answer;
}

exports.main = main;
