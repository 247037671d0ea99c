/**
 * Deploy = read what the environment has, compare it with what the repository declares, and make the
 * difference. Planning only reads; applying only writes. The management API sits behind
 * ManagementApi so the whole thing runs against a fake in tests (deploy/manager.ts is the real one).
 */
import type { FunctionSpec, IndexSpec, Trigger } from './project'

export interface RemoteFunction {
  runtime: string
  timeout: number
  memorySize: number
  envVariables: Record<string, string>
  triggers: Trigger[]
}

export interface ManagementApi {
  listCollections(): Promise<string[]>
  createCollection(name: string): Promise<void>
  listIndexes(collection: string): Promise<IndexSpec[]>
  updateIndexes(collection: string, change: { create: IndexSpec[]; drop: string[] }): Promise<void>
  /** The collection's rule: a JSON rule when custom, otherwise the preset's name; undefined if unknown. */
  getSecurityRule(collection: string): Promise<string | undefined>
  setSecurityRule(collection: string, rule: string): Promise<void>
  getFunction(name: string): Promise<RemoteFunction | undefined>
  /** Creates the function from functionRoot/<name> with its configuration and triggers. */
  createFunction(fn: FunctionSpec, functionRoot: string): Promise<void>
  updateFunctionCode(fn: FunctionSpec, functionRoot: string): Promise<void>
  updateFunctionConfig(fn: FunctionSpec): Promise<void>
  createTriggers(fn: string, triggers: Trigger[]): Promise<void>
  deleteTrigger(fn: string, trigger: string): Promise<void>
}

export type Step =
  | { kind: 'createCollection'; collection: string }
  | { kind: 'setRule'; collection: string; rule: string; was?: string }
  | { kind: 'updateIndexes'; collection: string; create: IndexSpec[]; drop: string[]; why: string[] }
  | { kind: 'createFunction'; fn: FunctionSpec }
  | { kind: 'updateCode'; fn: FunctionSpec }
  | { kind: 'updateConfig'; fn: FunctionSpec; changes: string[] }
  | { kind: 'deleteTrigger'; fn: string; trigger: string }
  | { kind: 'createTriggers'; fn: string; triggers: Trigger[] }

export interface Plan {
  steps: Step[]
  /** Differences deploy will not make on its own; reported, and a blocking one stops the deploy. */
  notes: { text: string; blocking: boolean }[]
}

export interface Desired {
  collections: Record<string, { indexes?: IndexSpec[] }>
  rule: string
  functions: FunctionSpec[]
  /** Variables whose change breaks stored data (PII_KEY). */
  keep: string[]
  allowKeyChange?: boolean
}

const sameRule = (a: string | undefined, b: string) => {
  try {
    return a !== undefined && JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b))
  } catch {
    return false
  }
}

const indexText = (i: IndexSpec) =>
  `${i.name} {${Object.entries(i.keys)
    .map(([k, d]) => `${k}: ${d}`)
    .join(', ')}}${i.unique ? ' unique' : ''}`

const sameIndex = (a: IndexSpec, b: IndexSpec) =>
  JSON.stringify(Object.entries(a.keys)) === JSON.stringify(Object.entries(b.keys)) && !!a.unique === !!b.unique

const sameTriggers = (a: Trigger, b: Trigger) => a.type === b.type && a.config.trim() === b.config.trim()

export async function plan(api: ManagementApi, desired: Desired): Promise<Plan> {
  const steps: Step[] = []
  const notes: Plan['notes'] = []
  const existing = new Set(await api.listCollections())

  for (const [collection, spec] of Object.entries(desired.collections)) {
    const isNew = !existing.has(collection)
    if (isNew) steps.push({ kind: 'createCollection', collection })
    const rule = isNew ? undefined : await api.getSecurityRule(collection)
    if (!sameRule(rule, desired.rule)) steps.push({ kind: 'setRule', collection, rule: desired.rule, was: rule })

    const remote = isNew ? [] : await api.listIndexes(collection)
    const create: IndexSpec[] = []
    const drop: string[] = []
    const why: string[] = []
    for (const want of spec.indexes ?? []) {
      const have = remote.find((r) => r.name === want.name)
      if (!have) {
        create.push(want)
        why.push(`+ ${indexText(want)}`)
      } else if (!sameIndex(have, want)) {
        drop.push(want.name)
        create.push(want)
        why.push(`~ ${indexText(have)} → ${indexText(want)}`)
      }
    }
    for (const r of remote)
      if (r.name !== '_id_' && !(spec.indexes ?? []).some((w) => w.name === r.name))
        notes.push({
          text: `${collection}: index ${indexText(r)} is not in database.json (left alone)`,
          blocking: false,
        })
    if (create.length || drop.length) steps.push({ kind: 'updateIndexes', collection, create, drop, why })
  }

  for (const fn of desired.functions) {
    const remote = await api.getFunction(fn.name)
    if (!remote) {
      steps.push({ kind: 'createFunction', fn })
      continue
    }
    steps.push({ kind: 'updateCode', fn })
    if (remote.runtime !== fn.runtime)
      notes.push({
        text: `${fn.name}: runs ${remote.runtime}, declared ${fn.runtime}; a runtime is fixed at creation (delete and redeploy the function to change it)`,
        blocking: false,
      })
    const changes: string[] = []
    if (remote.timeout !== fn.timeout) changes.push(`timeout ${remote.timeout} → ${fn.timeout} s`)
    if (remote.memorySize !== fn.memorySize) changes.push(`memory ${remote.memorySize} → ${fn.memorySize} MB`)
    const names = new Set([...Object.keys(remote.envVariables), ...Object.keys(fn.envVariables)])
    for (const v of [...names].sort()) {
      const was = remote.envVariables[v]
      const now = fn.envVariables[v]
      if (was === now) continue
      // Values are never printed: they are keys and openids.
      changes.push(was === undefined ? `+${v}` : now === undefined ? `-${v}` : `${v} changed`)
      if (desired.keep.includes(v) && was && now !== was && !desired.allowKeyChange)
        notes.push({
          text: `${fn.name}: ${v} differs from the deployed value; stored data sealed with the old one would become unreadable. Deploy the old value, or pass --allow-key-change if you really mean it`,
          blocking: true,
        })
    }
    if (changes.length) steps.push({ kind: 'updateConfig', fn, changes })

    const want = fn.triggers ?? []
    for (const t of remote.triggers) {
      const w = want.find((x) => x.name === t.name)
      if (!w || !sameTriggers(t, w)) steps.push({ kind: 'deleteTrigger', fn: fn.name, trigger: t.name })
    }
    const missing = want.filter((w) => !remote.triggers.some((t) => t.name === w.name && sameTriggers(t, w)))
    if (missing.length) steps.push({ kind: 'createTriggers', fn: fn.name, triggers: missing })
  }
  return { steps, notes }
}

export function describe(step: Step): string {
  switch (step.kind) {
    case 'createCollection':
      return `+ collection ${step.collection}`
    case 'setRule':
      return `~ rule ${step.collection}: ${step.was ?? '(none)'} → ${step.rule}`
    case 'updateIndexes':
      return step.why.map((w) => `${w[0]} index ${step.collection}.${w.slice(2)}`).join('\n')
    case 'createFunction': {
      const f = step.fn
      const env = Object.keys(f.envVariables)
      const triggers = (f.triggers ?? []).map((t) => `${t.name} "${t.config}"`)
      return `+ function ${f.name}: ${f.runtime}, ${f.memorySize} MB, ${f.timeout} s; env ${env.join(', ') || '(none)'}; triggers ${triggers.join(', ') || '(none)'}`
    }
    case 'updateCode':
      return `~ function ${step.fn.name}: code`
    case 'updateConfig':
      return `~ function ${step.fn.name}: ${step.changes.join(', ')}`
    case 'deleteTrigger':
      return `- trigger ${step.fn}.${step.trigger}`
    case 'createTriggers':
      return step.triggers.map((t) => `+ trigger ${step.fn}.${t.name} "${t.config}"`).join('\n')
  }
}

export async function apply(api: ManagementApi, steps: Step[], functionRoot: string, log: (s: string) => void) {
  for (const step of steps) {
    log(describe(step))
    switch (step.kind) {
      case 'createCollection':
        await api.createCollection(step.collection)
        break
      case 'setRule':
        await api.setSecurityRule(step.collection, step.rule)
        break
      case 'updateIndexes':
        // Drop first: a changed index keeps its name.
        if (step.drop.length) await api.updateIndexes(step.collection, { create: [], drop: step.drop })
        if (step.create.length) await api.updateIndexes(step.collection, { create: step.create, drop: [] })
        break
      case 'createFunction':
        await api.createFunction(step.fn, functionRoot)
        break
      case 'updateCode':
        await api.updateFunctionCode(step.fn, functionRoot)
        break
      case 'updateConfig':
        await api.updateFunctionConfig(step.fn)
        break
      case 'deleteTrigger':
        await api.deleteTrigger(step.fn, step.trigger)
        break
      case 'createTriggers':
        await api.createTriggers(step.fn, step.triggers)
        break
    }
  }
}

/** A management API over an environment that has nothing yet: what a first deploy plans against. */
export const emptyEnvironment: Pick<ManagementApi, 'listCollections' | 'getFunction'> = {
  listCollections: async () => [],
  getFunction: async () => undefined,
}
