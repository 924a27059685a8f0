'use strict';

// A greeting, with begin and end (epoch seconds) around the work: the extension reports end - begin as
// benchmarkTimeUs.
function main(params) {
  const begin = Date.now() / 1000;
  const greeting = `Hello, ${params.name || 'world'}!`;
  return { greeting, begin, end: Date.now() / 1000 };
}

exports.main = main;
