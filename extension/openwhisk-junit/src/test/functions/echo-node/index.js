// Answers with its parameters; a parameter "fail" turns the answer into an application error, "sleepMs" delays it.
function main(params) {
  if (params.fail) {
    return { error: 'asked to fail: ' + params.fail };
  }
  console.log('echo called with ' + Object.keys(params).length + ' parameters');
  const answer = { echo: params, pid: process.pid };
  if (params.sleepMs) {
    return new Promise(resolve => setTimeout(() => resolve(answer), params.sleepMs));
  }
  return answer;
}

exports.main = main;
