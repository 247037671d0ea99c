/**
 * `npm run deploy [-- --dry-run] [-- --allow-key-change]`: builds the functions, checks them against
 * the declared configuration, then creates or updates the collections, indexes, security rules,
 * functions, their configuration and timers of one 云开发 environment, printing each change.
 * `npm run deploy:config` rewrites cloudbaserc.json from the sources.
 *
 * Credentials and function variables come from the environment, or from .env / .env.local
 * (git-ignored) in the repository root, the files the CloudBase CLI reads too.
 */
import fs from 'node:fs'
import path from 'node:path'
import { buildFunctions } from '../cloudfunctions/build'
import { managementApi, type Credentials } from './manager'
import { apply, describe, emptyEnvironment, plan, type ManagementApi } from './plan'
import {
  checkProject,
  readCloudbaserc,
  readDatabase,
  renderCloudbaserc,
  resolveCloudbaserc,
  root,
  scanBuilt,
  writeCloudbaserc,
} from './project'
import { CREDENTIALS, SECURITY_RULE, VARIABLES } from './settings'

export const DEPLOY_DOC = path.join(root, 'docs', 'DEPLOY.md')

/** KEY=value lines; # comments; optional quotes. Later files override earlier ones, the shell overrides both. */
export function loadEnv(dir = root, base: Record<string, string | undefined> = process.env) {
  const out: Record<string, string | undefined> = {}
  for (const file of ['.env', '.env.local']) {
    const p = path.join(dir, file)
    if (!fs.existsSync(p)) continue
    for (const line of fs.readFileSync(p, 'utf8').split(/\r?\n/)) {
      const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line)
      if (!m || line.trimStart().startsWith('#')) continue
      out[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2')
    }
  }
  for (const [k, v] of Object.entries(base)) if (v !== undefined && v !== '') out[k] = v
  return out
}

export interface DeployOptions {
  dryRun: boolean
  allowKeyChange?: boolean
  env: Record<string, string | undefined>
  /** The management API; by default the real one, built from the credentials in env. */
  connect?: (c: Credentials) => ManagementApi
  log?: (line: string) => void
}

/** Plans and (unless a dry run) applies. Expects built, checked bundles. Returns the exit code. */
export async function deploy(o: DeployOptions): Promise<number> {
  const log = o.log ?? ((s: string) => console.log(s))
  const connect = o.connect ?? managementApi
  const rc = readCloudbaserc()
  const resolved = resolveCloudbaserc(rc, o.env)
  const creds = {
    secretId: o.env[CREDENTIALS.secretId] ?? '',
    secretKey: o.env[CREDENTIALS.secretKey] ?? '',
    token: o.env[CREDENTIALS.token] || undefined,
    envId: resolved.envId,
  }
  const missingCreds = [CREDENTIALS.secretId, CREDENTIALS.secretKey, CREDENTIALS.envId].filter((k) => !o.env[k])
  const missingRequired = resolved.unset.filter((v) => VARIABLES[v]?.required)
  const emptyOptional = resolved.unset.filter((v) => v in VARIABLES && !VARIABLES[v].required)

  let api: ManagementApi
  if (missingCreds.length) {
    const where = `set ${missingCreds.join(', ')} in the environment or in .env.local (see docs/DEPLOY.md)`
    if (!o.dryRun) {
      log(`[deploy] missing credentials: ${where}`)
      return 2
    }
    log(`[deploy] no credentials (${missingCreds.join(', ')}): planning against an empty environment`)
    const refuse = async () => {
      throw new Error('a dry run writes nothing')
    }
    api = {
      ...emptyEnvironment,
      listIndexes: async () => [],
      getSecurityRule: async () => undefined,
      createCollection: refuse,
      updateIndexes: refuse,
      setSecurityRule: refuse,
      createFunction: refuse,
      updateFunctionCode: refuse,
      updateFunctionConfig: refuse,
      createTriggers: refuse,
      deleteTrigger: refuse,
    }
  } else {
    log(`[deploy] environment ${creds.envId}`)
    api = connect(creds)
  }

  if (missingRequired.length) {
    log(
      `[deploy] required function variables not set: ${missingRequired.join(', ')} (docs/DEPLOY.md says how to make them)`,
    )
    if (!o.dryRun) return 2
  }
  if (emptyOptional.length) log(`[deploy] optional variables left empty (defaults apply): ${emptyOptional.join(', ')}`)

  const keep = Object.entries(VARIABLES)
    .filter(([, v]) => v.keep)
    .map(([k]) => k)
  const p = await plan(api, {
    collections: readDatabase(),
    rule: SECURITY_RULE,
    functions: resolved.functions,
    keep,
    allowKeyChange: o.allowKeyChange,
  })
  for (const s of p.steps) for (const line of describe(s).split('\n')) log(line)
  for (const n of p.notes) log(`${n.blocking ? '! ' : '  note: '}${n.text}`)
  const blocked = p.notes.some((n) => n.blocking)
  if (o.dryRun) {
    log(`[deploy] dry run: ${p.steps.length} changes planned, nothing changed`)
    return blocked ? 1 : 0
  }
  if (blocked) {
    log('[deploy] refused: see the lines marked !')
    return 1
  }
  const started = Date.now()
  await apply(api, p.steps, path.resolve(root, rc.functionRoot), () => undefined)
  log(`[deploy] ${p.steps.length} changes made in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  return 0
}

async function main() {
  const args = process.argv.slice(2)
  const known = ['--dry-run', '--allow-key-change', '--write-config']
  const unknown = args.filter((a) => !known.includes(a))
  if (unknown.length) {
    console.error(`[deploy] unknown option ${unknown.join(' ')}; options: ${known.join(' ')}`)
    process.exit(2)
  }
  const built = await buildFunctions()
  console.log(`[deploy] built ${built.map((b) => b.name).join(', ')}`)
  const usage = scanBuilt(built.map((b) => b.name))
  if (args.includes('--write-config')) {
    await writeCloudbaserc(renderCloudbaserc(usage))
    console.log('[deploy] wrote cloudbaserc.json')
  }
  const doc = fs.existsSync(DEPLOY_DOC) ? fs.readFileSync(DEPLOY_DOC, 'utf8') : ''
  const problems = checkProject(usage, readCloudbaserc(), doc)
  if (problems.length) {
    for (const p of problems) console.error(`[deploy] ${p}`)
    process.exit(1)
  }
  if (args.includes('--write-config')) return
  const code = await deploy({
    dryRun: args.includes('--dry-run'),
    allowKeyChange: args.includes('--allow-key-change'),
    env: loadEnv(),
  })
  process.exit(code)
}

if ((require as unknown as { main: unknown }).main === module) {
  main().catch((e) => {
    console.error(`[deploy] failed: ${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  })
}
