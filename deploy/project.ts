/**
 * The environment as code: reads the checked-in sources (function folders and their config.json,
 * database.json, deploy/settings.ts), renders cloudbaserc.json from them, and lists every way the
 * sources and the built bundles disagree.
 */
import fs from 'node:fs'
import path from 'node:path'
import { functionNames, outDir } from '../cloudfunctions/build'
import { scanBundle, type BundleUsage } from './scan'
import { DEFAULT_MEMORY_MB, MEMORY_MB, RUNTIME, VARIABLES, CREDENTIALS } from './settings'

export const root = path.resolve(__dirname, '..')
export const CLOUDBASERC = path.join(root, 'cloudbaserc.json')

export interface Trigger {
  name: string
  type: string
  /** 7-field cron: second minute hour day month weekday year. */
  config: string
}

export interface IndexSpec {
  name: string
  keys: Record<string, number>
  unique?: boolean
}

/** cloudfunctions/<fn>/config.json: WeChat's format, read by DevTools and the local cloud alike. */
export interface FunctionConfigJson {
  timeout?: number
  permissions?: { openapi?: string[] }
  triggers?: Trigger[]
}

/** One entry of cloudbaserc.json's functions (the CloudBase CLI's fields). */
export interface FunctionSpec {
  name: string
  runtime: string
  handler: string
  installDependency: boolean
  timeout: number
  memorySize: number
  envVariables: Record<string, string>
  triggers?: Trigger[]
}

export interface Cloudbaserc {
  version: string
  envId: string
  functionRoot: string
  functions: FunctionSpec[]
}

export function readFunctionConfig(name: string): FunctionConfigJson {
  return JSON.parse(fs.readFileSync(path.join(root, 'cloudfunctions', name, 'config.json'), 'utf8'))
}

export function readDatabase(): Record<string, { indexes?: IndexSpec[] }> {
  return JSON.parse(fs.readFileSync(path.join(root, 'cloudfunctions', 'database.json'), 'utf8')).collections
}

/** What each built bundle in dist-cloud/ uses. Build first (cloudfunctions/build.ts). */
export function scanBuilt(names = functionNames()): Record<string, BundleUsage> {
  return Object.fromEntries(
    names.map((n) => [n, scanBundle(fs.readFileSync(path.join(outDir, n, 'index.js'), 'utf8'))] as const),
  )
}

const placeholder = (name: string) => `{{env.${name}}}`

/** cloudbaserc.json as the sources say it should be; values are placeholders filled at deploy time. */
export function renderCloudbaserc(
  usage: Record<string, BundleUsage>,
  readConfig: (name: string) => FunctionConfigJson = readFunctionConfig,
): Cloudbaserc {
  return {
    version: '2.0',
    envId: placeholder(CREDENTIALS.envId),
    functionRoot: './dist-cloud',
    functions: Object.keys(usage)
      .sort()
      .map((name) => {
        const cfg = readConfig(name)
        const vars = usage[name].env.filter((v) => v in VARIABLES)
        return {
          name,
          runtime: RUNTIME,
          handler: 'index.main',
          installDependency: true,
          timeout: cfg.timeout ?? 3,
          memorySize: MEMORY_MB[name] ?? DEFAULT_MEMORY_MB,
          envVariables: Object.fromEntries(vars.map((v) => [v, placeholder(v)])),
          ...(cfg.triggers?.length ? { triggers: cfg.triggers } : {}),
        }
      }),
  }
}

export function readCloudbaserc(): Cloudbaserc {
  return JSON.parse(fs.readFileSync(CLOUDBASERC, 'utf8'))
}

/** Writes cloudbaserc.json, formatted as Prettier would. */
export async function writeCloudbaserc(rc: Cloudbaserc): Promise<void> {
  const prettier = await import('prettier')
  const options = (await prettier.resolveConfig(CLOUDBASERC)) ?? {}
  fs.writeFileSync(CLOUDBASERC, await prettier.format(JSON.stringify(rc), { ...options, parser: 'json' }))
}

const CRON_FIELD = /^[\d*,/\-A-Za-z?LW#]+$/
const TRIGGER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/

/** Every disagreement between the sources, the bundles and cloudbaserc.json; empty when deployable. */
export function checkProject(
  usage: Record<string, BundleUsage>,
  rc: Cloudbaserc,
  deployDoc: string,
  readConfig: (name: string) => FunctionConfigJson = readFunctionConfig,
): string[] {
  const problems: string[] = []
  const database = readDatabase()
  const readers = new Map<string, string[]>()

  for (const [name, u] of Object.entries(usage)) {
    const cfg = readConfig(name)
    for (const r of u.unresolved)
      problems.push(`${name}: ${r} — read configuration by a literal name in core/config.ts`)
    if (!u.exports.includes('main')) problems.push(`${name}: the bundle does not export main (handler index.main)`)
    if (typeof cfg.timeout !== 'number') problems.push(`${name}: config.json has no timeout`)

    const declared = [...(cfg.permissions?.openapi ?? [])].sort()
    const missing = u.openapi.filter((a) => !declared.includes(a))
    const unused = declared.filter((a) => !u.openapi.includes(a))
    if (missing.length) problems.push(`${name}: calls openapi ${missing.join(', ')} not listed in its config.json`)
    if (unused.length) problems.push(`${name}: config.json lists openapi ${unused.join(', ')} its code never calls`)

    for (const c of u.collections)
      if (!database[c])
        problems.push(`${name}: touches collection ${c}, which cloudfunctions/database.json does not declare`)

    for (const v of u.env) {
      if (!(v in VARIABLES))
        problems.push(`${name}: reads process.env.${v}, which deploy/settings.ts VARIABLES does not declare`)
      readers.set(v, [...(readers.get(v) ?? []), name])
    }

    for (const t of cfg.triggers ?? []) {
      const where = `${name}: trigger ${JSON.stringify(t.name)}`
      if (t.type !== 'timer') problems.push(`${where} has type ${t.type}; only timer triggers are deployed`)
      if (!TRIGGER_NAME.test(t.name ?? '')) problems.push(`${where}: a name is a letter then letters, digits, _ or -`)
      const fields = (t.config ?? '').trim().split(/\s+/)
      if (fields.length !== 7 || !fields.every((f) => CRON_FIELD.test(f)))
        problems.push(
          `${where}: config ${JSON.stringify(t.config)} is not a 7-field cron (s m h day month weekday year)`,
        )
      if (!u.names.includes(t.name))
        problems.push(`${where} names no handler: the function's code never mentions ${JSON.stringify(t.name)}`)
    }
  }

  for (const [c, spec] of Object.entries(database))
    if (!Array.isArray(spec.indexes)) problems.push(`database.json: collection ${c} has no indexes array`)

  for (const v of Object.keys(VARIABLES)) {
    if (!readers.has(v)) problems.push(`deploy/settings.ts declares ${v}, which no function reads`)
    if (!deployDoc.includes(v)) problems.push(`docs/DEPLOY.md does not explain ${v}`)
  }

  const expected = renderCloudbaserc(usage, readConfig)
  if (JSON.stringify(rc) !== JSON.stringify(expected)) {
    const names = new Set([...rc.functions.map((f) => f.name), ...expected.functions.map((f) => f.name)])
    const differing = [...names].filter(
      (n) =>
        JSON.stringify(rc.functions.find((f) => f.name === n)) !==
        JSON.stringify(expected.functions.find((f) => f.name === n)),
    )
    problems.push(
      `cloudbaserc.json is out of date${differing.length ? ` (${differing.join(', ')})` : ''}: run npm run deploy:config and commit it`,
    )
  }
  return problems
}

/** The value of every {{env.X}} in cloudbaserc.json, from the deployer's environment. */
export function resolveCloudbaserc(
  rc: Cloudbaserc,
  env: Record<string, string | undefined>,
): { envId: string; functions: FunctionSpec[]; unset: string[] } {
  const unset = new Set<string>()
  const fill = (s: string) =>
    s.replace(/\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_m, name: string) => {
      const v = env[name]
      if (v === undefined || v === '') unset.add(name)
      return v ?? ''
    })
  const functions = rc.functions.map((f) => ({
    ...f,
    envVariables: Object.fromEntries(Object.entries(f.envVariables).map(([k, v]) => [k, fill(v)])),
  }))
  return { envId: fill(rc.envId), functions, unset: [...unset].sort() }
}
