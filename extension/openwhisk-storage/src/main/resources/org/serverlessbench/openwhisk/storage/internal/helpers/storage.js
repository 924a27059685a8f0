'use strict';

// The storage helper of Node.js functions, as SeBS ships one with every function.
// openwhisk-storage adds this file, as storage.js, to the package of every Node.js function (a folder) of a test
// class with @OpenWhiskStorage; a storage.js in the function's own folder takes its place. SeBS's OpenWhisk
// deployment passes the storage settings as action parameters and its wrapper moves them into the environment:
// bind(params) does that, and the clients below read the environment. Clients are made once per process and reused
// by warm activations while the settings stay the same. Object storage needs the `minio` package, NoSQL tables
// `@aws-sdk/client-dynamodb` and `@aws-sdk/lib-dynamodb`, in the function's package.json.

const crypto = require('crypto');
const { once } = require('events');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { pipeline } = require('stream/promises');

const SETTING_PREFIXES = ['MINIO_STORAGE_', 'NOSQL_STORAGE_'];
const clients = new Map();
// How long the URL of a streamed upload stays valid; it is used at once.
const UPLOAD_URL_SECONDS = 15 * 60;

// Moves SeBS's MINIO_STORAGE_* and NOSQL_STORAGE_* parameters out of params into the environment; returns params.
function bind(params) {
  for (const key of Object.keys(params).filter((name) => SETTING_PREFIXES.some((prefix) => name.startsWith(prefix)))) {
    process.env[key] = String(params[key]);
    delete params[key];
  }
  return params;
}

function setting(name) {
  const value = process.env[name];
  if (value === undefined) {
    throw new Error(`${name} is not set: the test class needs @OpenWhiskStorage, and the function must call`
      + ' storage.bind(params) first');
  }
  return value;
}

// The Minio client of MINIO_STORAGE_CONNECTION_URL (host:port, plain HTTP, path-style, as SeBS's).
function objectStorage() {
  const settings = ['MINIO_STORAGE_CONNECTION_URL', 'MINIO_STORAGE_ACCESS_KEY', 'MINIO_STORAGE_SECRET_KEY']
    .map(setting);
  const cacheKey = `s3 ${settings.join(' ')}`;
  if (!clients.has(cacheKey)) {
    const Minio = require('minio');
    const [host, port] = settings[0].split(':');
    clients.set(cacheKey, new Minio.Client({
      endPoint: host,
      port: Number(port),
      useSSL: false,
      accessKey: settings[1],
      secretKey: settings[2],
      region: 'us-east-1',
      pathStyle: true,
      // Minio sends objects above partSize (64 MiB by default) as multipart uploads and first lists incomplete
      // ones, which s3proxy's filesystem store answers with 501: single PUTs up to 1 GiB instead.
      partSize: 1024 * 1024 * 1024,
    }));
  }
  return clients.get(cacheKey);
}

// name.<8 hex>.ext, as SeBS's upload names objects so that repeated runs do not overwrite each other.
function uniqueName(name) {
  const ext = path.extname(name);
  return `${path.basename(name, ext)}.${crypto.randomBytes(4).toString('hex')}${ext}`;
}

// Writes object key of bucket to the file target; resolves to its size in bytes.
async function download(bucket, key, target) {
  await objectStorage().fGetObject(bucket, key, target);
  return fs.statSync(target).size;
}

// Resolves to the content of object key of bucket, as a Buffer.
async function downloadBuffer(bucket, key) {
  const chunks = [];
  for await (const chunk of await objectStorage().getObject(bucket, key)) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

// Puts the file source as object key of bucket, streaming it (see uploadStream); resolves to key.
async function upload(bucket, key, source) {
  const { size } = await fs.promises.stat(source);
  return uploadStream(bucket, key, fs.createReadStream(source), size);
}

// Puts the `length` bytes of the readable stream body as object key of bucket in one PUT; resolves to key.
// Minio's putObject reads an object up to its part size into memory before it sends it, and sends larger ones as
// multipart uploads after listing the incomplete ones, which s3proxy's filesystem store does not implement (501).
// A presigned URL signs the request but not the payload, so the body goes out as it is read: the memory used does not
// grow with the object's size.
async function uploadStream(bucket, key, body, length) {
  const url = await objectStorage().presignedPutObject(bucket, key, UPLOAD_URL_SECONDS);
  const request = http.request(url, { method: 'PUT', headers: { 'Content-Length': length } });
  const answered = once(request, 'response');
  answered.catch(() => {});
  await pipeline(body, request);
  const [response] = await answered;
  const chunks = [];
  for await (const chunk of response) {
    chunks.push(chunk);
  }
  if (response.statusCode !== 200) {
    throw new Error(`PUT of ${key} to bucket ${bucket} answered ${response.statusCode}: ${Buffer.concat(chunks)}`);
  }
  return key;
}

// Puts the Buffer or string data as object key of bucket; resolves to key.
async function uploadBuffer(bucket, key, data) {
  await objectStorage().putObject(bucket, key, data);
  return key;
}

// Resolves to every object under prefix, as Minio's list entries ({name, size, ...}).
function listObjects(bucket, prefix) {
  return new Promise((resolve, reject) => {
    const entries = [];
    objectStorage().listObjectsV2(bucket, prefix, true)
      .on('data', (entry) => entries.push(entry))
      .on('error', reject)
      .on('end', () => resolve(entries));
  });
}

// The actual name of logical table `table` (NOSQL_STORAGE_TABLE_<table>).
function tableName(table) {
  return setting(`NOSQL_STORAGE_TABLE_${table}`);
}

// {documents, name}: a DynamoDB document client at NOSQL_STORAGE_ENDPOINT (no real credentials, as SeBS) and the
// actual name of logical table `table`.
function nosqlTable(table) {
  const endpoint = setting('NOSQL_STORAGE_ENDPOINT');
  const cacheKey = `dynamodb ${endpoint}`;
  if (!clients.has(cacheKey)) {
    const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
    const { DynamoDBDocumentClient } = require('@aws-sdk/lib-dynamodb');
    clients.set(cacheKey, DynamoDBDocumentClient.from(new DynamoDBClient({
      endpoint: `http://${endpoint}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'None', secretAccessKey: 'None' },
    })));
  }
  return { documents: clients.get(cacheKey), name: tableName(table) };
}

module.exports = {
  bind, objectStorage, uniqueName, download, downloadBuffer, upload, uploadStream, uploadBuffer, listObjects, tableName,
  nosqlTable,
};
