/**
 * Runs built function bundles (`<functionsDir>/<name>/index.js` + config.json) like cloud
 * instances: each instance is a worker thread with its own process.env, running one call at a
 * time; when every instance of a function is busy another starts, up to 8 per function.
 * A changed bundle on disk gets fresh instances for new calls (dev rebuilds).
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'

export interface FunctionConfig {
  /** Seconds; the cloud's default is 3. */
  timeout: number
  permissions: { openapi: string[] }
}

export interface Bundle {
  name: string
  index: string
  version: string
  config: FunctionConfig
}

export interface RunRequest {
  id: string
  event: unknown
  /** Per-call environment (identity, invocation URL); removed again before the next call. */
  env: Record<string, string>
  context: Record<string, unknown>
}

/** `coldStartMs`: the call started a new instance, which spent this long loading the module first. */
export type RunOutcome = ({ ok: true; result: unknown } | { ok: false; code: string; message: string }) & {
  coldStartMs?: number
}

const MAX_INSTANCES = 8
/** An instance idle this long is reclaimed, as the cloud does, to give its memory back. */
const IDLE_MS = 10 * 60_000
const WORKER = path.join(__dirname, 'worker.js')

interface Instance {
  worker: Worker
  pool: Pool
  busy: boolean
  dead: boolean
  /** Resolves with the milliseconds the module took to load; the first call waits for it. */
  ready: Promise<number>
  /** Whether a call has already waited for the module to load. */
  warm: boolean
  idle?: NodeJS.Timeout
  settle?: (o: RunOutcome) => void
}

interface Pool {
  bundle: Bundle
  instances: Instance[]
  waiters: (() => void)[]
  retired: boolean
}

export interface RunnerOptions {
  functionsDir: string
  /** Environment of every instance (SDK settings, extra variables from the options). */
  env: Record<string, string>
  /** Where `wx-server-sdk` resolves from. */
  nodePath: string
}

function stat(file: string) {
  try {
    const s = fs.statSync(file)
    return `${s.mtimeMs}:${s.size}`
  } catch {
    return undefined
  }
}

export class Runner {
  private readonly pools = new Map<string, Pool>()

  constructor(private readonly opts: RunnerOptions) {}

  /** The function's bundle as it is on disk now; undefined when there is none. */
  bundle(name: string): Bundle | undefined {
    if (!/^[A-Za-z0-9_-]{1,60}$/.test(name)) return undefined
    const dir = path.join(this.opts.functionsDir, name)
    const index = path.join(dir, 'index.js')
    const indexStat = stat(index)
    if (!indexStat) return undefined
    const version = `${indexStat}|${stat(path.join(dir, 'config.json'))}`
    const current = this.pools.get(name)?.bundle
    if (current?.version === version) return current
    let raw: { timeout?: unknown; permissions?: { openapi?: unknown } } = {}
    try {
      raw = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))
    } catch {
      // No or unreadable config.json: the cloud's defaults.
    }
    const openapi = Array.isArray(raw.permissions?.openapi) ? raw.permissions.openapi.map(String) : []
    const timeout = typeof raw.timeout === 'number' && raw.timeout > 0 ? raw.timeout : 3
    return { name, index, version, config: { timeout, permissions: { openapi } } }
  }

  async run(bundle: Bundle, req: RunRequest): Promise<RunOutcome> {
    const inst = await this.acquire(bundle)
    const seconds = inst.pool.bundle.config.timeout
    // The cloud initializes a new instance before the invocation's timeout starts counting.
    let coldStartMs: number | undefined
    if (!inst.warm) {
      inst.warm = true
      coldStartMs = await inst.ready
    }
    const outcome = await this.call(inst, req, seconds)
    return coldStartMs === undefined ? outcome : { ...outcome, coldStartMs }
  }

  private call(inst: Instance, req: RunRequest, seconds: number): Promise<RunOutcome> {
    if (inst.dead) {
      return Promise.resolve({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: 'function instance exited' })
    }
    return new Promise<RunOutcome>((resolve) => {
      const timer = setTimeout(() => {
        inst.settle = undefined
        this.kill(inst)
        resolve({
          ok: false,
          code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
          message: `Invoking task timed out after ${seconds} seconds`,
        })
      }, seconds * 1000)
      inst.settle = (o) => {
        clearTimeout(timer)
        inst.settle = undefined
        this.release(inst)
        resolve(o)
      }
      inst.worker.postMessage(req)
    })
  }

  /** Idle instances of `name` end now, busy ones after their call; the next call gets a new one. */
  recycle(name: string) {
    const pool = this.pools.get(name)
    if (!pool) return
    this.pools.delete(name)
    this.retire(pool)
  }

  async close() {
    const all = [...this.pools.values()].flatMap((p) => p.instances)
    this.pools.clear()
    await Promise.all(all.map((i) => i.worker.terminate()))
  }

  private async acquire(requested: Bundle): Promise<Instance> {
    for (;;) {
      let pool = this.pools.get(requested.name)
      if (!pool || pool.bundle.version !== requested.version) {
        // Only ever move forward to what is on disk now.
        const fresh = this.bundle(requested.name) ?? requested
        if (!pool || pool.bundle.version !== fresh.version) {
          if (pool) this.retire(pool)
          pool = { bundle: fresh, instances: [], waiters: [], retired: false }
          this.pools.set(fresh.name, pool)
        }
      }
      const idle = pool.instances.find((i) => !i.busy)
      if (idle) {
        clearTimeout(idle.idle)
        idle.busy = true
        return idle
      }
      if (pool.instances.length < MAX_INSTANCES) {
        const inst = this.spawn(pool)
        inst.busy = true
        return inst
      }
      await new Promise<void>((resolve) => pool.waiters.push(resolve))
    }
  }

  private spawn(pool: Pool): Instance {
    const worker = new Worker(WORKER, {
      workerData: { bundle: pool.bundle.index, nodePath: this.opts.nodePath },
      env: { ...process.env, ...this.opts.env, SCF_FUNCTIONNAME: pool.bundle.name },
    })
    const started = performance.now()
    let loaded!: (ms: number) => void
    const ready = new Promise<number>((resolve) => (loaded = resolve))
    const inst: Instance = { worker, pool, busy: false, dead: false, ready, warm: false }
    worker.on('message', (msg: { ready?: boolean; ok: boolean; json?: string; message?: string }) => {
      if (msg.ready) return loaded(performance.now() - started)
      if (!inst.settle) return
      if (msg.ok) inst.settle({ ok: true, result: JSON.parse(msg.json ?? 'null') })
      else inst.settle({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: msg.message ?? 'function failed' })
    })
    // An error that escapes the function (for example an unhandled rejection) ends the instance.
    const crash = (message: string) => {
      loaded(performance.now() - started)
      const settle = inst.settle
      inst.settle = undefined
      this.kill(inst)
      settle?.({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message })
    }
    worker.on('error', (e) => crash(e instanceof Error ? e.message : String(e)))
    worker.on('exit', (code) => crash(`function instance exited with code ${code}`))
    pool.instances.push(inst)
    return inst
  }

  /** Ends an instance (timeout, crash) and frees its place in the pool. */
  private kill(inst: Instance) {
    if (inst.dead) return
    inst.dead = true
    clearTimeout(inst.idle)
    inst.pool.instances = inst.pool.instances.filter((i) => i !== inst)
    void inst.worker.terminate()
    inst.pool.waiters.shift()?.()
  }

  private release(inst: Instance) {
    if (inst.dead) return
    inst.busy = false
    if (inst.pool.retired) return this.kill(inst)
    inst.idle = setTimeout(() => !inst.busy && this.kill(inst), IDLE_MS)
    inst.idle.unref()
    inst.pool.waiters.shift()?.()
  }

  /** A pool whose bundle changed on disk: idle instances end now, busy ones after their call. */
  private retire(pool: Pool) {
    pool.retired = true
    for (const i of pool.instances.filter((x) => !x.busy)) this.kill(i)
    for (const wake of pool.waiters.splice(0)) wake()
  }
}
