/**
 * A local cloud on a fresh temporary folder running the small test functions of
 * local-cloud-functions/ (plain JS over the real wx-server-sdk), independent of the project's own.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud, type Identity, type InvokeResult, type LocalCloud } from '../../emulator/index'

export const TEST_SPEC = {
  collections: {
    things: { indexes: [{ name: 'group_n', keys: { group: 1, n: 1 } }] },
    members: { indexes: [{ name: 'openid_unique', keys: { openid: 1 }, unique: true }] },
    signals: { indexes: [] },
    places: { indexes: [{ name: 'loc', keys: { loc: '2dsphere' } }] },
    unindexed_places: { indexes: [] },
    gates: { indexes: [] },
  },
}

export interface Kit {
  cloud: LocalCloud
  root: string
  functionsDir: string
  /** Calls a function as `openid` (or a full identity). */
  call(name: string, event: unknown, who?: string | Identity): Promise<InvokeResult & { result: any }>
  /** Calls the probe function with `{ op, ...args }`; throws if the call itself failed. */
  probe(op: string, args?: Record<string, unknown>, openid?: string): Promise<InvokeResult & { result: any }>
  /** Closes and starts again on the same folders. */
  restart(): Promise<void>
  close(): Promise<void>
}

export async function startKit(env: Record<string, string> = {}): Promise<Kit> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-test-'))
  const functionsDir = path.join(root, 'functions')
  fs.cpSync(path.join(__dirname, 'local-cloud-functions'), functionsDir, { recursive: true })
  const databaseSpec = path.join(root, 'database.json')
  fs.writeFileSync(databaseSpec, JSON.stringify(TEST_SPEC))
  const start = () => startLocalCloud({ dataDir: path.join(root, 'data'), functionsDir, databaseSpec, env })
  const kit: Kit = {
    cloud: await start(),
    root,
    functionsDir,
    call: (name, event, who = 'o-test') =>
      kit.cloud.callFunction(name, event, typeof who === 'string' ? { openid: who } : who),
    async probe(op, args = {}, openid = 'o-test') {
      const r = await kit.cloud.callFunction('probe', { op, ...args }, { openid })
      if (r.error) throw new Error(`probe ${op} crashed: ${r.error.code} ${r.error.message}`)
      return r
    },
    async restart() {
      await kit.cloud.close()
      kit.cloud = await start()
    },
    async close() {
      await kit.cloud.close()
      fs.rmSync(root, { recursive: true, force: true })
    },
  }
  return kit
}

/** Resolves once `condition` holds; polls, because the thing waited for happens in another thread. */
export async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 5))
  }
}
