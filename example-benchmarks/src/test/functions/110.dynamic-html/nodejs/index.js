'use strict';

// 110.dynamic-html: renders an HTML page for `username` listing `random_len` random numbers with Mustache, as SeBS's
// Node.js version does. `mustache` comes from package-lock.json: in the action's zip for a code action, in the image
// (/function/node_modules, on NODE_PATH) for the image function (see docs/docker.md for why npm runs on the host).
const Mustache = require('mustache');

// is_cold: true for the first activation this process serves. A module-level flag rather than SeBS's /tmp/cold_run
// marker, because the embedded OpenWhisk runs every container as a local process sharing one /tmp.
let freshProcess = true;

// OpenWhisk truncates results above 1 MB; larger pages are reported by size only.
const MAX_RETURNED_HTML_BYTES = 256 * 1024;

const TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Random numbers for {{username}}</title>
</head>
<body>
<h1>Welcome, {{username}}!</h1>
<p>Rendered at {{time}} with {{count}} random numbers.</p>
<ul>
{{#numbers}}<li>{{.}}</li>
{{/numbers}}</ul>
</body>
</html>
`;
Mustache.parse(TEMPLATE);

// A JSON number, or a numeric string from a web action's query; NaN for anything else.
function toNumber(value) {
  return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '') ? Number(value) : NaN;
}

function nowSeconds() {
  return (performance.timeOrigin + performance.now()) / 1000;
}

function main(params) {
  const begin = nowSeconds();
  const count = toNumber(params.random_len);
  if (!Number.isInteger(count) || count < 0) {
    return { error: `110.dynamic-html needs a parameter "random_len" with a whole number >= 0, got ${JSON.stringify(params.random_len)}` };
  }
  const html = Mustache.render(TEMPLATE, {
    username: params.username ?? 'testname',
    time: new Date().toISOString(),
    count,
    numbers: Array.from({ length: count }, () => Math.floor(Math.random() * 1000000)),
  });
  const sizeBytes = Buffer.byteLength(html, 'utf8');
  const end = nowSeconds();
  const isCold = freshProcess;
  freshProcess = false;
  // Where the package came from: the action's zip or the image's /function/node_modules.
  const result = {
    size_bytes: sizeBytes,
    renderer: `mustache ${Mustache.version} from ${require.resolve('mustache')}`,
  };
  if (sizeBytes <= MAX_RETURNED_HTML_BYTES) {
    result.html = html;
  }
  return {
    result,
    begin,
    end,
    is_cold: isCold,
    request_id: process.env.__OW_ACTIVATION_ID || '',
  };
}

exports.main = main;
