// Answers with its parameters; a parameter "fail" turns the answer into an application error.
function main(params) {
  if (params.fail) {
    return { error: 'asked to fail: ' + params.fail };
  }
  console.log('echo called with ' + Object.keys(params).length + ' parameters');
  return { echo: params, pid: process.pid };
}

exports.main = main;
