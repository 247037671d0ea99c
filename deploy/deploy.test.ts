import fs from 'node:fs'
import { buildFunctions, functionNames } from '../cloudfunctions/build'
import { deploy, DEPLOY_DOC } from './deploy'
import type { ManagementApi, RemoteFunction } from './plan'
import {
  checkProject,
  readCloudbaserc,
  readDatabase,
  readFunctionConfig,
  renderCloudbaserc,
  scanBuilt,
  type Cloudbaserc,
  type FunctionConfigJson,
  type IndexSpec,
} from './project'
import { scanBundle, type BundleUsage } from './scan'
import { VARIABLES } from './settings'

let usage: Record<string, BundleUsage>
let rc: Cloudbaserc
let doc: string

beforeAll(async () => {
  await buildFunctions()
  usage = scanBuilt()
  rc = readCloudbaserc()
  doc = fs.readFileSync(DEPLOY_DOC, 'utf8')
}, 120_000)

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x))

describe('the declared environment agrees with the code', () => {
  it('has no disagreement between function folders, config.json, database.json, settings and cloudbaserc.json', () => {
    expect(checkProject(usage, rc, doc)).toEqual([])
  })

  it('declares every function folder in cloudbaserc.json, and nothing else', () => {
    expect(rc.functions.map((f) => f.name)).toEqual(functionNames())
  })

  it('fails when a function reads a variable nobody declared', () => {
    const u = clone(usage)
    u.activity.env.push('NEW_SETTING')
    expect(checkProject(u, rc, doc)).toContain(
      'activity: reads process.env.NEW_SETTING, which deploy/settings.ts VARIABLES does not declare',
    )
  })

  it('fails when a declared variable is read by no function', () => {
    const u = clone(usage)
    for (const f of Object.values(u)) f.env = f.env.filter((v) => v !== 'MINIPROGRAM_STATE')
    expect(checkProject(u, rc, doc)).toContain('deploy/settings.ts declares MINIPROGRAM_STATE, which no function reads')
  })

  it('fails when code calls an openapi its config.json does not list, or lists one it never calls', () => {
    const u = clone(usage)
    u.team.openapi.push('subscribeMessage.send')
    u.admin.openapi = []
    const problems = checkProject(u, rc, doc)
    expect(problems).toContain('team: calls openapi subscribeMessage.send not listed in its config.json')
    expect(problems).toContain('admin: config.json lists openapi subscribeMessage.send its code never calls')
  })

  it('fails when code touches a collection database.json does not declare', () => {
    const u = clone(usage)
    u.volunteer.collections.push('badges')
    expect(checkProject(u, rc, doc)).toContain(
      'volunteer: touches collection badges, which cloudfunctions/database.json does not declare',
    )
  })

  it('fails when a new function or a new timer is not yet in cloudbaserc.json', () => {
    const u = clone(usage)
    u.scheduler = clone(usage.team)
    const configs: Record<string, FunctionConfigJson> = {
      scheduler: { timeout: 60, triggers: [{ name: 'activityReminder', type: 'timer', config: '0 0 9 * * * *' }] },
    }
    const read = (n: string) => configs[n] ?? readFunctionConfig(n)
    expect(checkProject(u, rc, doc, read)).toEqual(
      expect.arrayContaining([
        'scheduler: trigger "activityReminder" names no handler: the function\'s code never mentions "activityReminder"',
        'cloudbaserc.json is out of date (scheduler): run npm run deploy:config and commit it',
      ]),
    )
    u.scheduler.names.push('activityReminder')
    expect(checkProject(u, renderCloudbaserc(u, read), doc, read)).toEqual([])
    expect(renderCloudbaserc(u, read).functions.find((f) => f.name === 'scheduler')?.triggers).toEqual(
      configs.scheduler.triggers,
    )
  })

  it('fails on a timer that is not a 7-field cron', () => {
    const u = clone(usage)
    u.team.names.push('nightly')
    const read = (n: string) =>
      n === 'team'
        ? { ...readFunctionConfig(n), triggers: [{ name: 'nightly', type: 'timer', config: '0 3 * * *' }] }
        : readFunctionConfig(n)
    expect(checkProject(u, renderCloudbaserc(u, read), doc, read)).toEqual([
      'team: trigger "nightly": config "0 3 * * *" is not a 7-field cron (s m h day month weekday year)',
    ])
  })

  it('never commits a value: every function variable is a placeholder filled at deploy time', () => {
    for (const f of rc.functions) for (const [k, v] of Object.entries(f.envVariables)) expect(v).toBe(`{{env.${k}}}`)
    expect(rc.envId).toBe('{{env.CLOUDBASE_ENV_ID}}')
  })
})

describe('the bundle scan', () => {
  const bundle = (body: string) =>
    [
      'var __export = (t, all) => {};',
      'var index_exports = {};',
      '__export(index_exports, {\n  main: () => main\n});',
      'module.exports = __toCommonJS(index_exports);',
      body,
    ].join('\n')

  it('credits variables read through a helper such as list(name), and only reachable code', () => {
    const u = scanBundle(
      bundle(`
// cloudfunctions/core/config.ts
function list(name) { return (process.env[name] ?? "").split(","); }
var config = { owners: () => list("OWNERS"), state: () => process.env.STATE };
// cloudfunctions/core/platform.ts
var unused = () => cloud.openapi.subscribeMessage.send({}) && process.env.UNUSED;
// node_modules/some-lib/index.js
var lib = () => process.env.NODE_DEBUG;
// cloudfunctions/x/index.ts
var main = async () => [config.owners(), lib(), db.collection("things")];
`),
    )
    expect(u).toMatchObject({ env: ['OWNERS', 'STATE'], openapi: [], collections: ['things'], exports: ['main'] })
    expect(u.unresolved).toEqual([])
  })

  it('refuses a variable or collection named by a computed value', () => {
    const u = scanBundle(
      bundle(`
// cloudfunctions/core/config.ts
var key = "A" + "B";
var main = () => [process.env[key], db.collection(key)];
`),
    )
    expect(u.unresolved).toHaveLength(2)
  })
})

/** A management API over an in-memory environment that records every call. */
function fakeEnvironment(state: {
  collections?: Record<string, { rule?: string; indexes: IndexSpec[] }>
  functions?: Record<string, RemoteFunction>
}) {
  const calls: string[] = []
  const collections = state.collections ?? {}
  const functions = state.functions ?? {}
  const api: ManagementApi = {
    async listCollections() {
      calls.push('listCollections')
      return Object.keys(collections)
    },
    async createCollection(n) {
      calls.push(`createCollection ${n}`)
      collections[n] = { indexes: [] }
    },
    async listIndexes(c) {
      calls.push(`listIndexes ${c}`)
      return collections[c].indexes
    },
    async updateIndexes(c, { create, drop }) {
      calls.push(`updateIndexes ${c} +${create.map((i) => i.name).join(',')} -${drop.join(',')}`)
    },
    async getSecurityRule(c) {
      calls.push(`getSecurityRule ${c}`)
      return collections[c].rule
    },
    async setSecurityRule(c, rule) {
      calls.push(`setSecurityRule ${c} ${rule}`)
    },
    async getFunction(n) {
      calls.push(`getFunction ${n}`)
      return functions[n]
    },
    async createFunction(fn, root) {
      calls.push(`createFunction ${fn.name} from ${root.endsWith('dist-cloud') ? 'dist-cloud' : root}`)
    },
    async updateFunctionCode(fn) {
      calls.push(`updateFunctionCode ${fn.name}`)
    },
    async updateFunctionConfig(fn) {
      calls.push(`updateFunctionConfig ${fn.name} ${Object.keys(fn.envVariables).join(',')}`)
    },
    async createTriggers(fn, triggers) {
      calls.push(`createTriggers ${fn} ${triggers.map((t) => t.name).join(',')}`)
    },
    async deleteTrigger(fn, t) {
      calls.push(`deleteTrigger ${fn} ${t}`)
    },
  }
  return { api, calls }
}

const credentials = { TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key', CLOUDBASE_ENV_ID: 'kepu-1a2b' }
const variables = { PII_KEY: 'aa'.repeat(32), TICKET_SIGNING_KEY: 'cc'.repeat(32), OWNER_OPENIDS: 'o-owner' }
const RULE = '{"read": false, "write": false}'

describe('npm run deploy against a fake management API', () => {
  it('dry run on a fresh environment: reads only, and plans every collection, rule, index and function', async () => {
    const { api, calls } = fakeEnvironment({})
    const lines: string[] = []
    const code = await deploy({
      dryRun: true,
      env: { ...credentials, ...variables },
      connect: () => api,
      log: (l) => lines.push(l),
    })
    expect(code).toBe(0)
    expect(calls).toEqual(['listCollections', ...functionNames().map((n) => `getFunction ${n}`)])
    const collections = Object.keys(readDatabase())
    expect(lines.filter((l) => l.startsWith('+ collection'))).toHaveLength(collections.length)
    expect(lines.filter((l) => l.startsWith('~ rule'))).toHaveLength(collections.length)
    expect(lines).toContain('+ index volunteers.openid_unique {openid: 1} unique')
    expect(lines.filter((l) => l.startsWith('+ function'))).toHaveLength(functionNames().length)
    expect(lines.join('\n')).not.toContain(variables.PII_KEY)
    expect(lines.at(-1)).toMatch(/dry run: \d+ changes planned, nothing changed/)
  })

  it('deploys a fresh environment: collections, then rules and indexes, then functions', async () => {
    const { api, calls } = fakeEnvironment({})
    const code = await deploy({
      dryRun: false,
      env: { ...credentials, ...variables },
      connect: () => api,
      log: () => {},
    })
    expect(code).toBe(0)
    const writes = calls.filter((c) => !/^(list|get)/.test(c))
    const expected: string[] = []
    for (const [c, spec] of Object.entries(readDatabase())) {
      expected.push(`createCollection ${c}`, `setSecurityRule ${c} ${RULE}`)
      if (spec.indexes?.length) expected.push(`updateIndexes ${c} +${spec.indexes.map((i) => i.name).join(',')} -`)
    }
    for (const n of functionNames()) expected.push(`createFunction ${n} from dist-cloud`)
    expect(writes).toEqual(expected)
  })

  it('updates an existing environment: only what differs, and triggers to match config.json', async () => {
    const database = readDatabase()
    const collections = Object.fromEntries(
      Object.entries(database).map(([c, s]) => [c, { rule: RULE, indexes: clone(s.indexes ?? []) }]),
    )
    collections.volunteers.indexes[0] = { name: 'openid_unique', keys: { openid: 1 } }
    collections.teams.rule = 'ADMINONLY'
    const env = { ...credentials, ...variables }
    const functions = Object.fromEntries(
      rc.functions.map((f) => [
        f.name,
        {
          runtime: f.runtime,
          timeout: f.timeout,
          memorySize: f.memorySize,
          envVariables: Object.fromEntries(
            Object.keys(f.envVariables).map((k) => [k, env[k as keyof typeof env] ?? '']),
          ),
          // Timers as configured: the only trigger change is the stale one added below.
          triggers: f.triggers ?? [],
        } as RemoteFunction,
      ]),
    )
    functions.admin.timeout = 3
    functions.team.triggers = [{ name: 'retired', type: 'timer', config: '0 0 1 * * * *' }]
    const { api, calls } = fakeEnvironment({ collections, functions })
    const lines: string[] = []
    expect(await deploy({ dryRun: false, env, connect: () => api, log: (l) => lines.push(l) })).toBe(0)
    expect(calls.filter((c) => !/^(list|get)/.test(c))).toEqual([
      'updateIndexes volunteers + -openid_unique',
      'updateIndexes volunteers +openid_unique -',
      `setSecurityRule teams ${RULE}`,
      ...functionNames().flatMap((n) => [
        `updateFunctionCode ${n}`,
        ...(n === 'admin' ? [`updateFunctionConfig admin ${Object.keys(functions.admin.envVariables).join(',')}`] : []),
        ...(n === 'team' ? ['deleteTrigger team retired'] : []),
      ]),
    ])
    expect(lines).toContain('~ function admin: timeout 3 → 20 s')
  })

  it('refuses to change PII_KEY on a running environment', async () => {
    const deployed = { ...variables, PII_KEY: 'bb'.repeat(32) }
    const functions = Object.fromEntries(
      rc.functions.map((f) => [
        f.name,
        {
          runtime: f.runtime,
          timeout: f.timeout,
          memorySize: f.memorySize,
          envVariables: Object.fromEntries(
            Object.keys(f.envVariables).map((k) => [k, deployed[k as keyof typeof deployed] ?? '']),
          ),
          triggers: [],
        } as RemoteFunction,
      ]),
    )
    const { api, calls } = fakeEnvironment({ functions })
    const lines: string[] = []
    expect(
      await deploy({
        dryRun: false,
        env: { ...credentials, ...variables },
        connect: () => api,
        log: (l) => lines.push(l),
      }),
    ).toBe(1)
    expect(calls.every((c) => /^(list|get)/.test(c))).toBe(true)
    expect(lines.some((l) => l.startsWith('! admin: PII_KEY differs'))).toBe(true)
    expect(lines.join('\n')).not.toContain(deployed.PII_KEY)
  })

  it('names the missing credentials and required variables, and touches nothing', async () => {
    const { api, calls } = fakeEnvironment({})
    const lines: string[] = []
    expect(await deploy({ dryRun: false, env: { ...variables }, connect: () => api, log: (l) => lines.push(l) })).toBe(
      2,
    )
    expect(lines[0]).toContain('TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY, CLOUDBASE_ENV_ID')
    lines.length = 0
    expect(
      await deploy({ dryRun: false, env: { ...credentials }, connect: () => api, log: (l) => lines.push(l) }),
    ).toBe(2)
    const required = Object.keys(VARIABLES).filter((v) => VARIABLES[v].required)
    expect(lines.join('\n')).toContain(`required function variables not set: ${[...required].sort().join(', ')}`)
    expect(calls).toEqual([])
  })
})
