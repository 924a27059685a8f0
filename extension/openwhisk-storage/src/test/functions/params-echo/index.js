// Returns the storage parameters the action received, to check what the extension bound.
function main(params) {
  const bound = {};
  for (const key of Object.keys(params)) {
    if (key.startsWith('MINIO_') || key.startsWith('NOSQL_')) {
      bound[key] = params[key];
    }
  }
  return bound;
}

exports.main = main;
