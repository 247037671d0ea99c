/**
 * The local cloud: a loopback stand-in for 云开发's service API that the real wx-server-sdk talks
 * to over HTTP (TCB_CONTEXT_CNFG), plus a runner for the built function bundles.
 * Development and test infrastructure only; never deployed.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { copy } from './ejson'
import { CloudError } from './errors'
import { parseMultipart } from './openapi'
import { Runner } from './runner'
import { CloudService, type DbRequestCost, type Identity, type Invocation, type OutboxMessage } from './service'
import { Store, type DatabaseSpec, type Read } from './store'

export type { DbRequestCost, Identity, OutboxMessage } from './service'

export interface LocalCloudOptions {
  /** Persisted; created if missing. */
  dataDir: string
  /** Built bundles: `<functionsDir>/<name>/index.js` + config.json. */
  functionsDir: string
  /** Path to cloudfunctions/database.json. */
  databaseSpec: string
  /** 0 or undefined = any free port; listens on 127.0.0.1 only. */
  port?: number
  /** Extra environment for every function. */
  env?: Record<string, string>
  /** Default 'local'. */
  envId?: string
}

export interface InvokeResult {
  result: unknown
  dbRequests: number
  requests: Record<string, number>
  /** Documents the cloud's database would examine for this call's requests, given the declared indexes. */
  docsExamined: number
  /** Every database request of the call (and of functions it called), in order, with what it examined. */
  breakdown: DbRequestCost[]
  /** Wall time of the call, a cold start included. */
  ms: number
  /** Set when the call started a new instance: milliseconds spent loading the function's module. */
  coldStartMs?: number
  error?: { code: string; message: string }
}

export interface LocalCloud {
  url: string
  callFunction(name: string, event: unknown, who: Identity): Promise<InvokeResult>
  outbox(): OutboxMessage[]
  refuseSubscription(openid: string): void
  /**
   * Ends the warm instances of function `name` (as the cloud does when it reclaims them); the next
   * call starts a fresh one. Tests use it for "later, in another instance": what an instance keeps
   * in memory (for example grants, core/role-cache.ts) is gone.
   */
  recycle(name: string): void
  /** A backdoor to the same data, for seeding demo data and for test assertions. */
  store: {
    insert(collection: string, docs: object[]): void
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    find(collection: string, query?: object): any[]
    /** Applies update operators (`$set`, `$inc`…) to every match; returns how many documents changed. */
    update(collection: string, query: object, update: object): number
    reset(): void
  }
  /** A backdoor to cloud storage: files put here are what functions' downloadFile and temp URLs serve. */
  storage: {
    /** Stores a file at `cloudPath` (as an app's wx.cloud.uploadFile would) and returns its fileID. */
    upload(cloudPath: string, content: Buffer | string): string
    /** A stored file's content, or undefined. */
    download(fileID: string): Buffer | undefined
  }
  /** Terminates the function instances and closes the database. */
  close(): Promise<void>
}

/** The appid functions see when the caller gives none. */
export const LOCAL_APPID = 'wx00000000000000'
const REPO_NODE_MODULES = path.resolve(__dirname, '..', 'node_modules')
const MAX_BODY = 64 << 20
/** Finished invocations are remembered this long, for requests their functions still make. */
const INVOCATION_MEMORY_MS = 60_000

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new Error('body too large'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

const requestId = () => `${Date.now()}_${crypto.randomBytes(6).toString('hex')}`

function sendJson(res: http.ServerResponse, body: object) {
  // wx.openApi tells JSON errors from protobuf answers by exactly this content type.
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** One breakdown entry for a request's reads: their sum, and how each kind was served. */
function summarize(action: string, reads: Read[], collection?: string): DbRequestCost {
  // Writes that read nothing (an insert) still name their collection.
  const entry: DbRequestCost = collection ? { action, collection, docsExamined: 0 } : { action, docsExamined: 0 }
  const plans = new Map<string, { n: number; examined: number }>()
  for (const r of reads) {
    const c = r.cost()
    entry.collection ??= r.collection
    entry.docsExamined += c.examined
    if (r.returned !== undefined) entry.returned = (entry.returned ?? 0) + r.returned
    const key = r.label ? `${r.label}: ${c.plan}` : c.plan
    const p = plans.get(key) ?? { n: 0, examined: 0 }
    plans.set(key, { n: p.n + 1, examined: p.examined + c.examined })
  }
  if (plans.size) {
    entry.plan = [...plans]
      .map(([plan, { n, examined }]) => (n > 1 ? `${plan} ×${n} (${examined} examined)` : plan))
      .join('; ')
  }
  return entry
}

export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  const envId = opts.envId ?? 'local'
  fs.mkdirSync(opts.dataDir, { recursive: true })
  const spec = JSON.parse(fs.readFileSync(opts.databaseSpec, 'utf8')) as DatabaseSpec
  const store = new Store({ file: path.join(opts.dataDir, 'cloud.sqlite'), spec, envId })
  const storageDir = path.join(opts.dataDir, 'storage')
  const outbox = store.readLog('outbox') as OutboxMessage[]
  const refused = new Set<string>()
  const invocations = new Map<string, Invocation>()
  let url = ''

  const runner = new Runner({
    functionsDir: opts.functionsDir,
    nodePath: REPO_NODE_MODULES,
    env: {
      // Dummy credentials are accepted; with SCF's variables the SDK skips its metadata probe.
      TENCENTCLOUD_SECRETID: 'local-secret-id',
      TENCENTCLOUD_SECRETKEY: 'local-secret-key',
      TENCENTCLOUD_SESSIONTOKEN: 'local-session-token',
      TENCENTCLOUD_RUNENV: 'SCF',
      SCF_NAMESPACE: envId,
      TCB_ENV: envId,
      TENCENTCLOUD_REGION: 'ap-shanghai',
      ...opts.env,
    },
  })

  /** Counts a request on its invocation and every invocation that called it. */
  function count(inv: Invocation | undefined, action: string) {
    for (let i = inv; i; i = i.parent) {
      i.requests[action] = (i.requests[action] ?? 0) + 1
      if (action.startsWith('database.')) i.dbRequests++
    }
  }

  /** Adds what a database request examined to its invocation and every invocation that called it. */
  function charge(inv: Invocation | undefined, action: string, reads: Read[], collection?: string) {
    if (!inv || !action.startsWith('database.')) return
    const entry = summarize(action, reads, collection)
    for (let i: Invocation | undefined = inv; i; i = i.parent) {
      i.docsExamined += entry.docsExamined
      i.breakdown.push(entry)
    }
  }

  async function invoke(
    name: string,
    event: unknown,
    who: Identity,
    parent: Invocation | undefined,
    source: string,
  ): Promise<InvokeResult> {
    const started = performance.now()
    const now = Date.now()
    for (const [id, inv] of invocations) if (inv.ended && inv.ended < now - INVOCATION_MEMORY_MS) invocations.delete(id)
    const bundle = runner.bundle(name)
    if (!bundle) {
      const error = {
        code: 'FUNCTION_NOT_FOUND',
        message: `[ResourceNotFound.Function] function ${name} does not exist in the local cloud`,
      }
      return {
        result: null,
        dbRequests: 0,
        requests: {},
        docsExamined: 0,
        breakdown: [],
        ms: performance.now() - started,
        error,
      }
    }
    const id = crypto.randomBytes(12).toString('hex')
    const inv: Invocation = {
      id,
      fn: name,
      who,
      source,
      parent,
      permissions: bundle.config.permissions.openapi,
      requests: {},
      dbRequests: 0,
      docsExamined: 0,
      breakdown: [],
    }
    invocations.set(id, inv)
    const appid = who.appid ?? LOCAL_APPID
    const wx: Record<string, string> = {
      WX_OPENID: who.openid,
      WX_APPID: appid,
      ...(who.unionid ? { WX_UNIONID: who.unionid } : {}),
    }
    const env = {
      ...wx,
      WX_CONTEXT_KEYS: Object.keys(wx).join(','),
      // The SDK reads TCB_* context (the source it forwards to called functions) through this list.
      TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SOURCE',
      TCB_SOURCE: source,
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/inv/${id}/admin` }),
    }
    // Events travel as JSON (Dates arrive as strings), and the platform adds the caller to a mini
    // program call's event (deprecated, still sent).
    const json: unknown = event === undefined ? {} : JSON.parse(JSON.stringify(event))
    const isObject = json !== null && typeof json === 'object' && !Array.isArray(json)
    const fullEvent =
      isObject && !('userInfo' in json) ? { ...json, userInfo: { appId: appid, openId: who.openid } } : json
    const context = {
      request_id: id,
      function_name: name,
      function_version: '$LATEST',
      namespace: envId,
      memory_limit_in_mb: 256,
      time_limit_in_ms: bundle.config.timeout * 1000,
      environment: JSON.stringify(env),
    }
    try {
      const outcome = await runner.run(bundle, { id, event: fullEvent, env, context })
      const base = {
        dbRequests: inv.dbRequests,
        requests: { ...inv.requests },
        docsExamined: inv.docsExamined,
        breakdown: [...inv.breakdown],
        ms: performance.now() - started,
        ...(outcome.coldStartMs !== undefined ? { coldStartMs: outcome.coldStartMs } : {}),
      }
      return outcome.ok
        ? { result: outcome.result, ...base }
        : { result: null, ...base, error: { code: outcome.code, message: outcome.message } }
    } finally {
      inv.ended = Date.now()
    }
  }

  const service = new CloudService({
    store,
    envId,
    baseUrl: () => url,
    storageDir,
    outbox,
    refused,
    callFunction: invoke,
  })

  async function serveAdmin(req: http.IncomingMessage, res: http.ServerResponse, inv: Invocation | undefined) {
    const rid = requestId()
    let action = 'unknown'
    let collection: string | undefined
    const reads: Read[] = []
    try {
      const body = await readBody(req)
      const type = String(req.headers['content-type'] ?? '')
      let params: Record<string, unknown>
      if (type.startsWith('multipart/form-data')) {
        const parts = parseMultipart(body, type)
        params = Object.fromEntries(
          Object.entries(parts).map(([k, v]) => [k, k === 'requestData' ? v : v.toString('utf8')]),
        )
      } else {
        try {
          params = JSON.parse(body.toString('utf8'))
        } catch {
          throw new CloudError('INVALID_PARAM', 'request body is not valid JSON')
        }
        if (params === null || typeof params !== 'object' || Array.isArray(params))
          throw new CloudError('INVALID_PARAM', 'request body must be an object')
      }
      if (typeof params.action === 'string') action = params.action
      if (typeof params.collectionName === 'string') collection = params.collectionName
      count(inv, action)
      const answer = await service.handle(params.action, params, inv, req.headers, reads)
      if (Buffer.isBuffer(answer)) {
        res.writeHead(200, { 'content-type': 'application/octet-stream' })
        res.end(answer)
      } else sendJson(res, { ...answer, requestId: rid })
    } catch (e) {
      if (action === 'unknown') count(inv, action)
      const err = e instanceof CloudError ? e : new CloudError('SYS_ERR', e instanceof Error ? e.message : String(e))
      sendJson(res, { code: err.code, message: err.message, requestId: rid })
    }
    // Worked out once the answer is on its way, so metering adds little to the call's own time;
    // still before the function can finish, since this thread serves its next request.
    charge(inv, action, reads, collection)
  }

  async function serveUpload(req: http.IncomingMessage, res: http.ServerResponse, token: string) {
    const cloudPath = service.takeUpload(token)
    if (!cloudPath) {
      res.writeHead(403, { 'content-type': 'application/xml' })
      return res.end(
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>upload URL expired or unknown</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>',
      )
    }
    const body = await readBody(req)
    const file = service.filePath(cloudPath)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, body)
    // COS answers a successful PUT with an empty body.
    res.writeHead(200, { 'content-length': '0' })
    res.end()
  }

  function serveFile(res: http.ServerResponse, u: URL) {
    let cloudPath: string
    try {
      cloudPath = service.cloudPath(decodeURIComponent(u.pathname.slice('/__files/'.length)))
    } catch {
      res.writeHead(400)
      return res.end()
    }
    if (!service.checkSignature(cloudPath, Number(u.searchParams.get('t')), u.searchParams.get('sign') ?? '')) {
      res.writeHead(403)
      return res.end('temporary URL expired or invalid')
    }
    const file = service.filePath(cloudPath)
    if (!fs.existsSync(file)) {
      res.writeHead(404)
      return res.end()
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    })
    fs.createReadStream(file).pipe(res)
  }

  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1')
    const inv = /^\/inv\/([0-9a-f]+)\/admin$/.exec(u.pathname)
    const done = (p: unknown) =>
      Promise.resolve(p).catch((e) => {
        if (!res.headersSent) res.writeHead(500)
        res.end(String(e instanceof Error ? e.message : e))
      })
    if (req.method === 'POST' && (inv || u.pathname === '/admin'))
      return done(serveAdmin(req, res, inv ? invocations.get(inv[1]) : undefined))
    if (req.method === 'PUT' && u.pathname.startsWith('/__upload/'))
      return done(serveUpload(req, res, u.pathname.slice('/__upload/'.length)))
    if ((req.method === 'GET' || req.method === 'HEAD') && u.pathname.startsWith('/__files/'))
      return done(serveFile(res, u))
    res.writeHead(404)
    res.end()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`

  return {
    url,
    async callFunction(name, event, who) {
      if (!who || typeof who.openid !== 'string') throw new Error('callFunction needs an identity with an openid')
      return invoke(name, event, who, undefined, 'wx_client')
    },
    outbox: () => copy(outbox),
    recycle: (name) => runner.recycle(name),
    refuseSubscription(openid) {
      refused.add(openid)
    },
    store: {
      insert: (collection, docs) => store.seed(collection, docs as Record<string, unknown>[]),
      find: (collection, query) => store.select(collection, (query ?? {}) as Record<string, unknown>),
      update: (collection, query, update) =>
        store.patch(collection, query as Record<string, unknown>, update as Record<string, unknown>),
      reset() {
        store.reset()
        outbox.length = 0
      },
    },
    storage: {
      upload(cloudPath, content) {
        const file = service.filePath(service.cloudPath(cloudPath))
        fs.mkdirSync(path.dirname(file), { recursive: true })
        fs.writeFileSync(file, content)
        return service.fileId(cloudPath)
      },
      download(fileID) {
        const file = service.filePath(service.cloudPath(fileID))
        return fs.existsSync(file) ? fs.readFileSync(file) : undefined
      },
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await runner.close()
      store.close()
    },
  }
}
