'use strict';
// Action runtime for nodejs kinds: serves POST /init and POST /run on 127.0.0.1:<port> like the official
// OpenWhisk Node.js runtime. Usage: node nodejs-proxy.js <port> <work directory>. Built-in modules only.
// With port 0 it binds any free port and, once listening, prints PORT_ANNOUNCEMENT and the port as a line on stdout:
// the parent never picks a port for it that another process could take in the meantime.

const http = require('http');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { createRequire } = require('module');

const SENTINEL = 'XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX';
const PORT_ANNOUNCEMENT = 'XXX_OPENWHISK_RUNTIME_LISTENS_ON_PORT_XXX ';
const MAX_BODY_BYTES = 48 * 1024 * 1024;
const port = Number(process.argv[2]);
const workDirectory = process.argv[3];

let status = 'ready';
let action;
const allowConcurrent = () => process.env.__OW_ALLOW_CONCURRENT === 'true';

function writeSentinels() {
    process.stdout.write(SENTINEL + '\n');
    process.stderr.write(SENTINEL + '\n');
}

function reply(response, statusCode, value) {
    const body = JSON.stringify(value);
    response.writeHead(statusCode, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
    });
    response.end(body);
}

// ---------- archives ----------

function safeTarget(root, name) {
    const target = path.resolve(root, name);
    if (target !== root && !target.startsWith(root + path.sep)) {
        throw new Error(`Archive entry '${name}' points outside the action directory.`);
    }
    return target;
}

function writeEntry(root, name, data) {
    const target = safeTarget(root, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
}

function unzip(buffer, root) {
    let end = buffer.length - 22;
    while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
    if (end < 0) throw new Error('The action zip has no central directory; is it a complete zip file?');
    const entries = buffer.readUInt16LE(end + 10);
    let offset = buffer.readUInt32LE(end + 16);
    if (offset === 0xffffffff) throw new Error('ZIP64 archives are not supported; use a regular zip file.');
    for (let i = 0; i < entries; i++) {
        if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error('The action zip has a corrupt central directory.');
        const method = buffer.readUInt16LE(offset + 10);
        const compressedSize = buffer.readUInt32LE(offset + 20);
        const nameLength = buffer.readUInt16LE(offset + 28);
        const extraLength = buffer.readUInt16LE(offset + 30);
        const commentLength = buffer.readUInt16LE(offset + 32);
        const localOffset = buffer.readUInt32LE(offset + 42);
        const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
        offset += 46 + nameLength + extraLength + commentLength;
        if (name.endsWith('/')) {
            fs.mkdirSync(safeTarget(root, name), { recursive: true });
            continue;
        }
        const dataStart = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
        const data = buffer.subarray(dataStart, dataStart + compressedSize);
        if (method === 0) writeEntry(root, name, data);
        else if (method === 8) writeEntry(root, name, zlib.inflateRawSync(data));
        else throw new Error(`Zip entry '${name}' uses compression method ${method}; only stored and deflate are supported.`);
    }
}

function untarGz(buffer, root) {
    const tar = zlib.gunzipSync(buffer);
    let offset = 0;
    while (offset + 512 <= tar.length && tar[offset] !== 0) {
        const field = (start, length) => tar.toString('utf8', offset + start, offset + start + length).replace(/\0.*$/s, '');
        const prefix = field(345, 155);
        const name = prefix ? prefix + '/' + field(0, 100) : field(0, 100);
        const size = parseInt(field(124, 12).trim() || '0', 8);
        const type = String.fromCharCode(tar[offset + 156]);
        const dataStart = offset + 512;
        if (type === '5') fs.mkdirSync(safeTarget(root, name), { recursive: true });
        else if (type === '0' || type === '\0') writeEntry(root, name, tar.subarray(dataStart, dataStart + size));
        offset = dataStart + Math.ceil(size / 512) * 512;
    }
}

// ---------- loading the action ----------

function requireFunction(handler, main) {
    if (typeof handler !== 'function') {
        throw new Error(`Action entrypoint '${main}' is not a function.`);
    }
    return handler;
}

function loadPlainCode(code, main, directory) {
    if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(main)) {
        throw new Error(`Action entrypoint '${main}' is not a valid JavaScript name.`);
    }
    const filename = path.join(directory, 'index.js');
    const module = { exports: {} };
    const body = `${code}\n;return (function () { try { return ${main}; } `
        + `catch (e) { if (e instanceof ReferenceError) return undefined; throw e; } })();`;
    const evaluate = new Function('exports', 'require', 'module', '__filename', '__dirname', body);
    const declared = evaluate(module.exports, createRequire(filename), module, filename, directory);
    const handler = declared !== undefined ? declared : module.exports[main];
    return requireFunction(handler, main);
}

function loadArchive(base64, main, directory) {
    const buffer = Buffer.from(base64, 'base64');
    if (buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50) unzip(buffer, directory);
    else if (buffer.length > 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) untarGz(buffer, directory);
    else throw new Error('The action code is marked binary but is neither a zip nor a tar.gz archive.');

    const dot = main.lastIndexOf('.');
    if (dot > 0) {
        const file = main.substring(0, dot);
        const name = main.substring(dot + 1);
        return requireFunction(require(safeTarget(directory, file))[name], main);
    }
    if (!fs.existsSync(path.join(directory, 'package.json')) && !fs.existsSync(path.join(directory, 'index.js'))) {
        throw new Error('Zipped actions must contain either package.json or index.js at the root.');
    }
    return requireFunction(require(directory)[main], main);
}

function applyEnvironment(env) {
    if (!env || typeof env !== 'object') return;
    for (const [key, value] of Object.entries(env)) {
        if (value === null || value === undefined) process.env[key] = '';
        else process.env[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
}

// ---------- endpoints ----------

function init(message, response) {
    if (action !== undefined) {
        console.error('Internal system error:', 'Cannot initialize the action more than once.');
        return reply(response, 403, { error: 'Cannot initialize the action more than once.' });
    }
    if (status !== 'ready') {
        return reply(response, 403, { error: `System not ready, status is ${status}.` });
    }
    const value = (message && message.value) || {};
    if (typeof value.main !== 'string' || typeof value.code !== 'string' || !value.main || !value.code) {
        return reply(response, 403, { error: 'Missing main/no code to execute.' });
    }
    try {
        applyEnvironment(value.env);
        const directory = fs.mkdtempSync(path.join(workDirectory, 'action-'));
        action = value.binary
            ? loadArchive(value.code, value.main, directory)
            : loadPlainCode(value.code, value.main, directory);
        reply(response, 200, { OK: true });
    } catch (error) {
        status = 'stopped';
        console.error(error);
        writeSentinels();
        reply(response, 502, { error: `Initialization has failed due to: ${error && error.stack ? error.stack : error}` });
    }
}

function serializeError(error) {
    if (!error) return {};
    if (!(error instanceof Error)) return error;
    const plain = { name: error.name, message: error.message, stack: error.stack };
    for (const key of Object.keys(error)) plain[key] = error[key];
    return plain;
}

function invokeAction(args) {
    return new Promise((resolve, reject) => {
        let returned;
        try {
            returned = action(args);
        } catch (error) {
            return reject(error);
        }
        Promise.resolve(returned).then(
            (result) => resolve(result === undefined ? {} : result),
            (error) => resolve({ error: serializeError(error) }));
    });
}

function run(message, response) {
    if (action === undefined) {
        console.error('Internal system error:', 'System not initialized.');
        return reply(response, 403, { error: 'System not initialized.' });
    }
    if (status !== 'ready') {
        return reply(response, 403, { error: `System not ready, status is ${status}.` });
    }
    const concurrent = allowConcurrent();
    if (!concurrent) status = 'running';
    const body = message || {};
    for (const [key, value] of Object.entries(body)) {
        if (key !== 'value') process.env['__OW_' + key.toUpperCase()] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    const args = body.value === undefined || body.value === null ? {} : body.value;
    invokeAction(args).then((result) => {
        if (!concurrent) status = 'ready';
        if (typeof result !== 'object') {
            console.error(`Result must be of type object but has type "${typeof result}":`, result);
        }
        writeSentinels();
        if (typeof result !== 'object') {
            return reply(response, 502, { error: 'The action did not return a dictionary.' });
        }
        let text;
        try {
            text = JSON.stringify(result);
        } catch (error) {
            return reply(response, 502, { error: `An error has occurred: ${error}` });
        }
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
        response.end(text);
    }, (error) => {
        status = 'stopped';
        console.error(error);
        writeSentinels();
        reply(response, 502, { error: `An error has occurred: ${error}` });
    });
}

// ---------- ending with the JVM ----------

// Only the JVM that started this runtime holds the other end of stdin: end of file means it died, however it died. The
// runtime then ends, with its process group when it leads one (it was started through setsid).
function exitWithParent() {
    process.stdin.on('data', () => {});
    process.stdin.on('end', () => {
        try {
            process.kill(-process.pid, 'SIGKILL');
        } catch (notAGroupLeader) {
            // no group of our own: only this process ends
        }
        process.exit(0);
    });
    process.stdin.on('error', () => process.exit(0));
}

// Only a process runtime has a parent JVM at the other end of stdin; in a Docker container stdin is closed at once.
if (process.env.OPENWHISK_EMBEDDED_PROCESS) {
    exitWithParent();
}

const server = http.createServer((request, response) => {
    const route = request.method === 'POST' ? { '/init': init, '/run': run }[request.url] : undefined;
    if (!route) {
        request.resume();
        return reply(response, 404, { error: `No ${request.method} ${request.url} here; use POST /init or POST /run.` });
    }
    const chunks = [];
    let length = 0;
    request.on('data', (chunk) => {
        length += chunk.length;
        if (length <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
        if (length > MAX_BODY_BYTES) {
            return reply(response, 413, { error: `Request larger than ${MAX_BODY_BYTES} bytes.` });
        }
        let message;
        try {
            message = length === 0 ? {} : JSON.parse(Buffer.concat(chunks, length).toString('utf8'));
        } catch (error) {
            return reply(response, 400, { error: `The request body is not JSON: ${error.message}` });
        }
        route(message, response);
    });
});
server.keepAliveTimeout = 0;
server.listen(port, '127.0.0.1', () => {
    if (port === 0) process.stdout.write(PORT_ANNOUNCEMENT + server.address().port + '\n');
});
