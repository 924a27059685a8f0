'use strict'
// Drives a running embedded OpenWhisk with the official Apache OpenWhisk JavaScript client.
// Needs __OW_API_HOST (e.g. http://127.0.0.1:3233) and __OW_API_KEY; exits non-zero on the first failed check.

const assert = require('node:assert/strict')
const openwhisk = require('openwhisk')

const ow = openwhisk({ apihost: process.env.__OW_API_HOST, api_key: process.env.__OW_API_KEY })
const name = 'js-client-' + Date.now()
const echo = name + '-echo'
const sequence = name + '-sequence'
const trigger = name + '-trigger'
const rule = name + '-rule'
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))

async function step (title, body) {
  process.stdout.write(`- ${title} ... `)
  await body()
  console.log('ok')
}

async function expectError (statusCode, operation, errorBody = true) {
  try {
    await operation()
  } catch (err) {
    assert.equal(err.statusCode, statusCode, `expected HTTP ${statusCode}, got ${err.statusCode}: ${err.message}`)
    if (errorBody) {
      assert.equal(typeof err.error.error, 'string', 'error body has an "error" string')
      assert.equal(typeof err.error.code, 'string', 'error body has a "code" string')
    }
    return err
  }
  assert.fail(`expected HTTP ${statusCode}, but the call succeeded`)
}

async function awaitActivation (activationId) {
  for (let i = 0; i < 200; i++) {
    try {
      return await ow.activations.get({ name: activationId })
    } catch (err) {
      if (err.statusCode !== 404) throw err
      await sleep(50)
    }
  }
  assert.fail(`no record for activation ${activationId}`)
}

async function main () {
  const code = "function main(args) { console.log('hello ' + args.who); return {greeting: 'Hello ' + args.who} }"
  let blockingId

  await step('namespaces.list', async () => {
    assert.deepEqual(await ow.namespaces.list(), ['guest'])
  })

  await step('actions.create', async () => {
    const action = await ow.actions.create({ name, action: code })
    assert.equal(action.name, name)
    assert.equal(action.version, '0.0.1')
    assert.equal(action.exec.kind, 'nodejs:20')
  })

  await step('actions.create of an existing action is 409', async () => {
    const err = await expectError(409, () => ow.actions.create({ name, action: code }))
    assert.equal(err.error.error, 'resource already exists')
  })

  await step('actions.get and actions.list', async () => {
    const action = await ow.actions.get({ name })
    assert.equal(action.exec.code, code)
    const list = await ow.actions.list({ limit: 200 })
    assert.ok(list.some(a => a.name === name), 'the new action is listed')
  })

  await step('actions.invoke blocking', async () => {
    const activation = await ow.actions.invoke({ name, blocking: true, params: { who: 'blocking' } })
    assert.match(activation.activationId, /^[0-9a-f]{32}$/)
    assert.equal(activation.response.status, 'success')
    assert.deepEqual(activation.response.result, { greeting: 'Hello blocking' })
    blockingId = activation.activationId
  })

  await step('actions.invoke blocking with result', async () => {
    const result = await ow.actions.invoke({ name, blocking: true, result: true, params: { who: 'result' } })
    assert.deepEqual(result, { greeting: 'Hello result' })
  })

  await step('actions.invoke non-blocking, then activations.get', async () => {
    const accepted = await ow.actions.invoke({ name, params: { who: 'later' } })
    assert.deepEqual(Object.keys(accepted), ['activationId'])
    const activation = await awaitActivation(accepted.activationId)
    assert.deepEqual(activation.response.result, { greeting: 'Hello later' })
  })

  await step('activations.list, logs and result', async () => {
    const list = await ow.activations.list({ name, limit: 10 })
    assert.ok(list.length >= 3, `expected at least 3 activations of ${name}, got ${list.length}`)
    assert.ok(list.every(a => a.name === name))
    assert.ok(list.some(a => a.activationId === blockingId))
    const logs = await ow.activations.logs({ name: blockingId })
    assert.ok(logs.logs.some(line => line.includes('stdout: hello blocking')), JSON.stringify(logs))
    const result = await ow.activations.result({ name: blockingId })
    assert.equal(result.success, true)
    assert.deepEqual(result.result, { greeting: 'Hello blocking' })
  })

  await step('actions.update raises the version and runs the new code', async () => {
    const updated = await ow.actions.update({ name, action: "function main() { return {updated: true} }" })
    assert.equal(updated.version, '0.0.2')
    const result = await ow.actions.invoke({ name, blocking: true, result: true })
    assert.deepEqual(result, { updated: true })
  })

  await step('an application error rejects with 502 and the activation', async () => {
    await ow.actions.update({ name, action: "function main() { return {error: 'broken'} }" })
    const err = await expectError(502, () => ow.actions.invoke({ name, blocking: true }), false)
    assert.equal(err.error.response.status, 'application error')
  })

  await step('sequences: actions.create with sequence, invoke blocking', async () => {
    await ow.actions.create({ name: echo, action: "function main(args) { delete args.__ow_headers; return args }" })
    const created = await ow.actions.create({ name: sequence, sequence: [`/_/${echo}`, `/_/${echo}`] })
    assert.equal(created.exec.kind, 'sequence')
    assert.deepEqual(created.exec.components, [`/guest/${echo}`, `/guest/${echo}`])
    const activation = await ow.actions.invoke({ name: sequence, blocking: true, params: { n: 1 } })
    assert.deepEqual(activation.response.result, { n: 1 })
    assert.equal(activation.logs.length, 2)
    const component = await awaitActivation(activation.logs[0])
    assert.equal(component.cause, activation.activationId)
  })

  await step('triggers.create, get, list and 409', async () => {
    const created = await ow.triggers.create({ name: trigger, trigger: { parameters: [{ key: 'from', value: 't' }] } })
    assert.equal(created.name, trigger)
    assert.equal((await ow.triggers.get({ name: trigger })).parameters[0].key, 'from')
    assert.ok((await ow.triggers.list()).some(t => t.name === trigger))
    await expectError(409, () => ow.triggers.create({ name: trigger }))
  })

  await step('rules.create, get and list', async () => {
    const created = await ow.rules.create({ name: rule, action: echo, trigger })
    assert.equal(created.status, 'active')
    assert.deepEqual(created.action, { path: 'guest', name: echo })
    assert.deepEqual(created.trigger, { path: 'guest', name: trigger })
    assert.equal((await ow.rules.get({ name: rule })).status, 'active')
    assert.ok((await ow.rules.list()).some(r => r.name === rule))
  })

  await step('triggers.invoke fires the rule with parameters and payload', async () => {
    const fired = await ow.triggers.invoke({ name: trigger, params: { payload: 'p' } })
    const record = await awaitActivation(fired.activationId)
    assert.equal(record.logs.length, 1)
    const outcome = JSON.parse(record.logs[0])
    assert.equal(outcome.success, true)
    const invoked = await awaitActivation(outcome.activationId)
    assert.deepEqual(invoked.response.result, { from: 't', payload: 'p' })
  })

  await step('rules.disable and enable', async () => {
    await ow.rules.disable({ name: rule })
    assert.equal((await ow.rules.get({ name: rule })).status, 'inactive')
    await ow.rules.enable({ name: rule })
    assert.equal((await ow.rules.get({ name: rule })).status, 'active')
  })

  await step('rules.update to the sequence, then delete rule, trigger and actions', async () => {
    await ow.rules.disable({ name: rule })
    const updated = await ow.rules.update({ name: rule, action: sequence, trigger })
    assert.deepEqual(updated.action, { path: 'guest', name: sequence })
    assert.equal(updated.status, 'inactive')
    assert.equal((await ow.rules.delete({ name: rule })).name, rule)
    assert.equal((await ow.triggers.delete({ name: trigger })).name, trigger)
    await ow.actions.delete({ name: sequence })
    await ow.actions.delete({ name: echo })
    await expectError(404, () => ow.rules.get({ name: rule }))
    await expectError(404, () => ow.triggers.get({ name: trigger }))
  })

  await step('actions.delete, then 404', async () => {
    const deleted = await ow.actions.delete({ name })
    assert.equal(deleted.name, name)
    await expectError(404, () => ow.actions.get({ name }))
    await expectError(404, () => ow.actions.invoke({ name, blocking: true }))
    await expectError(404, () => ow.activations.get({ name: '0'.repeat(32) }))
  })
}

main().then(
  () => console.log('official OpenWhisk JavaScript client: all checks passed'),
  err => {
    console.log('FAILED')
    console.error(err && err.stack ? err.stack : err)
    process.exitCode = 1
  })
