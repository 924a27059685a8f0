'use strict';
// Starts dynalite on 127.0.0.1 and prints "listening <port>". It exits when stdin reaches its end, which happens when
// the JVM that started it closes the pipe or dies, so the server never outlives the test run.
const dynalite = require('dynalite');

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });

server.on('error', (error) => {
  process.stderr.write(`dynalite failed: ${error.message}\n`);
  process.exit(2);
});

// listen(0) asks the kernel for a free port: the API does not have the CLI's "--port 0 means 4567" behaviour.
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});

process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
