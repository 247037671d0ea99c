/**
 * ManagementApi over @cloudbase/manager-node (the CloudBase management API with Tencent Cloud keys).
 * Required lazily: tests and dry runs never load it.
 * Security rules use the tcb API's DescribeSafeRule / ModifySafeRule (2018-06-08), which the
 * library does not wrap: https://cloud.tencent.com/document/api/876/128959
 */
import type { ManagementApi, RemoteFunction } from './plan'
import type { FunctionSpec, IndexSpec, Trigger } from './project'

export interface Credentials {
  secretId: string
  secretKey: string
  token?: string
  envId: string
}

interface ManagerFunctions {
  getFunctionDetail(name: string): Promise<{
    Runtime: string
    Timeout: number
    MemorySize: number
    Environment?: { Variables?: { Key: string; Value: string }[] }
    Triggers?: { TriggerName: string; Type: string; TriggerDesc: string }[]
  }>
  createFunction(p: { func: object; functionRootPath: string; force: boolean }): Promise<unknown>
  updateFunctionCode(p: { func: object; functionRootPath: string }): Promise<unknown>
  updateFunctionConfig(func: object): Promise<unknown>
  createFunctionTriggers(name: string, triggers: Trigger[]): Promise<unknown>
  deleteFunctionTrigger(name: string, trigger: string): Promise<unknown>
}

interface ManagerDatabase {
  listCollections(o: { MgoLimit: number; MgoOffset: number }): Promise<{
    Collections: { CollectionName: string }[]
    Pager?: { Total: number }
  }>
  createCollection(name: string): Promise<unknown>
  describeCollection(name: string): Promise<{
    Indexes?: { Name: string; Keys: { Name: string; Direction: string }[]; Unique: boolean }[]
  }>
  updateCollection(
    name: string,
    change: {
      CreateIndexes?: {
        IndexName: string
        MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean }
      }[]
      DropIndexes?: { IndexName: string }[]
    },
  ): Promise<unknown>
}

interface Manager {
  functions: ManagerFunctions
  database: ManagerDatabase
  commonService(service: string, version: string): { call(o: { Action: string; Param: object }): Promise<unknown> }
}

/** A timer's TriggerDesc comes back as {"cron": "..."}; older ones as the bare expression. */
function cronOf(desc: string): string {
  try {
    const parsed = JSON.parse(desc) as { cron?: string }
    return parsed.cron ?? desc
  } catch {
    return desc
  }
}

export function managementApi(c: Credentials): ManagementApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CloudBase = require('@cloudbase/manager-node') as new (o: object) => Manager
  const app = new CloudBase({ secretId: c.secretId, secretKey: c.secretKey, token: c.token, envId: c.envId })
  const tcb = app.commonService('tcb', '2018-06-08')
  const notFound = (e: unknown) => /ResourceNotFound/.test(String((e as { code?: string }).code ?? e))

  return {
    async listCollections() {
      const names: string[] = []
      for (let offset = 0; ; offset += 100) {
        const res = await app.database.listCollections({ MgoLimit: 100, MgoOffset: offset })
        names.push(...res.Collections.map((x) => x.CollectionName))
        if (res.Collections.length < 100) return names
      }
    },
    async createCollection(name) {
      await app.database.createCollection(name)
    },
    async listIndexes(collection) {
      const res = await app.database.describeCollection(collection)
      return (res.Indexes ?? []).map((i): IndexSpec => ({
        name: i.Name,
        keys: Object.fromEntries(i.Keys.map((k) => [k.Name, Number(k.Direction)])),
        ...(i.Unique ? { unique: true } : {}),
      }))
    },
    async updateIndexes(collection, { create, drop }) {
      await app.database.updateCollection(collection, {
        ...(create.length && {
          CreateIndexes: create.map((i) => ({
            IndexName: i.name,
            MgoKeySchema: {
              MgoIndexKeys: Object.entries(i.keys).map(([Name, d]) => ({ Name, Direction: String(d) })),
              MgoIsUnique: !!i.unique,
            },
          })),
        }),
        ...(drop.length && { DropIndexes: drop.map((IndexName) => ({ IndexName })) }),
      })
    },
    async getSecurityRule(collection) {
      const res = (await tcb.call({
        Action: 'DescribeSafeRule',
        Param: { EnvId: c.envId, CollectionName: collection },
      })) as { AclTag?: string; Rule?: string }
      return res.AclTag === 'CUSTOM' ? res.Rule : res.AclTag
    },
    async setSecurityRule(collection, rule) {
      await tcb.call({
        Action: 'ModifySafeRule',
        Param: { EnvId: c.envId, CollectionName: collection, AclTag: 'CUSTOM', Rule: rule },
      })
    },
    async getFunction(name): Promise<RemoteFunction | undefined> {
      try {
        const f = await app.functions.getFunctionDetail(name)
        return {
          runtime: f.Runtime,
          timeout: f.Timeout,
          memorySize: f.MemorySize,
          envVariables: Object.fromEntries((f.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
          triggers: (f.Triggers ?? [])
            .filter((t) => t.Type === 'timer')
            .map((t) => ({ name: t.TriggerName, type: t.Type, config: cronOf(t.TriggerDesc) })),
        }
      } catch (e) {
        if (notFound(e)) return undefined
        throw e
      }
    },
    async createFunction(fn: FunctionSpec, functionRoot) {
      await app.functions.createFunction({ func: fn, functionRootPath: functionRoot, force: false })
    },
    async updateFunctionCode(fn, functionRoot) {
      await app.functions.updateFunctionCode({
        func: { name: fn.name, installDependency: fn.installDependency, handler: fn.handler },
        functionRootPath: functionRoot,
      })
    },
    async updateFunctionConfig(fn) {
      const { name, timeout, memorySize, envVariables, installDependency } = fn
      await app.functions.updateFunctionConfig({ name, timeout, memorySize, envVariables, installDependency })
    },
    async createTriggers(fn, triggers) {
      await app.functions.createFunctionTriggers(fn, triggers)
    },
    async deleteTrigger(fn, trigger) {
      await app.functions.deleteFunctionTrigger(fn, trigger)
    },
  }
}
