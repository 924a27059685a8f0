'use strict';

// 110.dynamic-html: renders an HTML page for `username` listing `random_len` random numbers, with a small
// Mustache-like template engine written here (variables {{name}}, sections {{#list}}...{{.}}...{{/list}}), so the
// action needs no npm dependencies.
//
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

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

function render(template, view) {
  const expanded = template.replace(/\{\{#(\w+)\}\}([\s\S]*?)\{\{\/\1\}\}/g, (section, name, body) =>
    (view[name] || []).map((item) => body.replace(/\{\{\.\}\}/g, () => escapeHtml(item))).join(''));
  return expanded.replace(/\{\{(\w+)\}\}/g, (variable, name) => escapeHtml(view[name] ?? ''));
}

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
  const numbers = Array.from({ length: count }, () => Math.floor(Math.random() * 1000000));
  const html = render(TEMPLATE, {
    username: params.username ?? 'testname',
    time: new Date().toISOString(),
    count,
    numbers,
  });
  const sizeBytes = Buffer.byteLength(html, 'utf8');
  const end = nowSeconds();
  const isCold = freshProcess;
  freshProcess = false;
  const result = { size_bytes: sizeBytes };
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
