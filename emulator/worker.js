/**
 * One cloud function instance in a worker thread: loads its bundle once, then runs one call at a
 * time with the call's environment in its own process.env, as an SCF instance does.
 * Plain JS so it runs the same whether the parent was started by jest or by `node --import tsx`.
 */
'use strict'
const { parentPort, workerData } = require('node:worker_threads')
const Module = require('node:module')
const path = require('node:path')

// wx-server-sdk is external to the bundle; in the cloud it comes from the function's own
// node_modules, here from the repository's.
process.env.NODE_PATH = [workerData.nodePath, process.env.NODE_PATH].filter(Boolean).join(path.delimiter)
Module._initPaths()

let main
let loadError
try {
  main = require(workerData.bundle).main
  if (typeof main !== 'function') loadError = new Error(`${workerData.bundle} does not export a main function`)
} catch (e) {
  loadError = e
}
// Loaded (or failed to): the runner starts the first call's timeout only now, as the cloud does.
parentPort.postMessage({ ready: true })

function describe(v) {
  try {
    return typeof v === 'string' ? v : JSON.stringify(v)
  } catch {
    return String(v)
  }
}

/** Keys set per call; removed before the next so one caller's identity never leaks to another. */
let callKeys = []

parentPort.on('message', async (msg) => {
  for (const k of callKeys) delete process.env[k]
  callKeys = Object.keys(msg.env)
  Object.assign(process.env, msg.env)
  try {
    if (loadError) throw loadError
    const result = await main(msg.event, msg.context)
    // The platform hands results back as JSON, so Dates become strings, as in production.
    const json = JSON.stringify(result === undefined ? null : result)
    parentPort.postMessage({ id: msg.id, ok: true, json })
  } catch (e) {
    const message = e instanceof Error ? e.message : describe(e)
    parentPort.postMessage({ id: msg.id, ok: false, message, stack: e instanceof Error ? e.stack : undefined })
  }
})
