'use strict';

// A no-op: answers at once with nothing, so that what is measured is the platform's own path (and, after an idle
// wait, whether the container was still there).
function main() {
  return {};
}

exports.main = main;
