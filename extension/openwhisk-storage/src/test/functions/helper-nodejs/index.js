// Moves the storage parameters into the environment with the helper that openwhisk-storage adds to the package.
const storage = require('./storage');

function main(params) {
  storage.bind(params);
  return {
    url: process.env.MINIO_STORAGE_CONNECTION_URL,
    left: Object.keys(params).filter((name) => name.startsWith('MINIO_')),
    unique: storage.uniqueName('result.json'),
  };
}

exports.main = main;
