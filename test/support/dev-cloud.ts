/**
 * Starts the dev server (local cloud + H5 app) on a fresh temporary data folder with the demo data,
 * running the same function bundles `npm start` runs. Tests call functions the way the app does.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildFunctions } from '../../cloudfunctions/build'
import { startDevServer, type DevServer } from '../../emulator/dev-server'
import type { DbRequestCost } from '../../emulator/index'
import { paths } from '../../emulator/paths'
import type { ActionName, ReqOf, ResOf } from '../../types/api'
import type { Result } from '../../types/result'

let built: Promise<unknown> | undefined

export interface CallCost {
  dbRequests: number
  docsExamined: number
  breakdown: DbRequestCost[]
}

export interface TestCloud extends DevServer {
  /**
   * Calls `<fn>.<action>` as `openid` through the local cloud; also returns the DB request count,
   * the documents the cloud would examine for them, and each request's share (`breakdown`).
   */
  call<A extends ActionName>(openid: string, action: A, data: ReqOf<A>): Promise<Result<ResOf<A>> & CallCost>
  /** Sends a raw event, for malformed-input tests. */
  raw(openid: string, fn: string, event: unknown): Promise<unknown>
  /** Uploads a file to cloud storage the way the H5 app does; returns its fileID. */
  upload(cloudPath: string, content: Buffer): Promise<string>
  /** Uploads a roster as `openid` for `teamId`, into the folder the import names (spreadsheet.importStart). */
  uploadRoster(openid: string, teamId: string, content: Buffer): Promise<string>
}

export async function startTestCloud(): Promise<TestCloud> {
  // Bundles are rebuilt once per jest worker so a test never runs stale functions.
  built ??= buildFunctions()
  await built
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-test-'))
  const server = await startDevServer({
    dataDir,
    h5Dir: paths.h5,
    functionsDir: paths.functions,
    databaseSpec: paths.databaseSpec,
  })
  const cloud: TestCloud = {
    ...server,
    async call(openid, action, data) {
      const [fn, name] = action.split('.')
      const r = await server.cloud.callFunction(fn, { action: name, data }, { openid })
      if (r.error) throw new Error(`${action} crashed: ${r.error.code} ${r.error.message}`)
      return {
        ...(r.result as Result<never>),
        dbRequests: r.dbRequests,
        docsExamined: r.docsExamined,
        breakdown: r.breakdown,
      }
    },
    async raw(openid, fn, event) {
      const r = await server.cloud.callFunction(fn, event, { openid })
      return r.error ?? r.result
    },
    async upload(cloudPath, content) {
      const res = await fetch(`${server.url}/__dev/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
        method: 'POST',
        body: content,
      })
      if (!res.ok) throw new Error(`upload failed: ${res.status} ${await res.text()}`)
      return ((await res.json()) as { fileID: string }).fileID
    },
    async uploadRoster(openid, teamId, content) {
      const dir = await cloud.call(openid, 'spreadsheet.importStart', { teamId })
      if (!dir.ok) throw new Error(`importStart refused: ${dir.code}`)
      return cloud.upload(`${dir.data.cloudDir}${Math.random().toString(36).slice(2, 10)}.xlsx`, content)
    },
    async close() {
      await server.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return cloud
}

/** The data of a call that must succeed; otherwise the test fails with the refusal. */
export async function expectOk<T>(
  p: Promise<{ ok: boolean } & ({ data: T } | { code: string; message: string })>,
): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`)
  return (r as { data: T }).data
}

/** The activation code in the newest review-result message sent to `openid` (in the link it opens). */
export function codeSentTo(cloud: TestCloud, openid: string): string {
  const msgs = cloud.cloud.outbox().filter((m) => m.touser === openid)
  const code = /[?&]code=(\d{6})/.exec(msgs[msgs.length - 1]?.page ?? '')?.[1]
  if (!code) throw new Error(`no code in the messages to ${openid}`)
  return code
}
