/**
 * The dev server: serves the H5 build, lets the app (and scripts, tests, benchmarks) call the
 * function bundles as any WeChat user, and shows the messages sent. Development only.
 *
 *   POST /__dev/call    { openid, name, data }  → the function's own result, as the app receives it;
 *                       headers x-db-requests and x-docs-examined (what the cloud's database would
 *                       examine for those requests, given the declared indexes) and x-call-ms
 *   GET  /__dev/outbox  [?openid=]              → subscribe messages sent
 *   GET  /__dev/users                           → demo identities for the switcher
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { startLocalCloud, type LocalCloud } from './index'
import { demoData, demoUsers, DEV_FUNCTION_ENV, DEV_PII_KEY } from './seed'
import { phoneCodeFor } from './openapi-fixtures'

export interface DevServerOptions {
  dataDir: string
  h5Dir: string
  functionsDir: string
  databaseSpec: string
  /** 0 = any free port. */
  port?: number
}

export interface DevServer {
  url: string
  cloud: LocalCloud
  close(): Promise<void>
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/** Spreadsheets of a few thousand rows fit well inside this. */
const MAX_BODY = 10 << 20

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) reject(new Error('body too large'))
      else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const text = (await readBody(req)).toString('utf8')
  try {
    return JSON.parse(text || '{}')
  } catch {
    throw new Error('body is not JSON')
  }
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers })
  res.end(JSON.stringify(body))
}

export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  const cloud = await startLocalCloud({
    dataDir: opts.dataDir,
    functionsDir: opts.functionsDir,
    databaseSpec: opts.databaseSpec,
    env: DEV_FUNCTION_ENV,
  })
  if (cloud.store.find('teams').length === 0) {
    // The seed seals demo ID numbers with the same (development) key the functions use.
    process.env.PII_KEY = DEV_PII_KEY
    process.env.ALLOW_DEV_KEYS = '1'
    for (const [collection, docs] of Object.entries(demoData())) cloud.store.insert(collection, docs)
    console.log('[dev] demo data seeded')
  }
  const switcher = fs.readFileSync(path.join(__dirname, 'dev-switcher.js'), 'utf8')

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    // A web page open in the same browser must not drive the local cloud: only loopback host names
    // (no DNS rebinding) and no cross-origin requests.
    const refused = foreignRequest(req)
    if (refused) return send(res, 403, { error: refused })
    try {
      if (url.pathname === '/__dev/call' && req.method === 'POST') {
        const body = (await readJson(req)) as { openid?: unknown; name?: unknown; data?: unknown }
        if (typeof body.openid !== 'string' || !body.openid || typeof body.name !== 'string') {
          return send(res, 400, { error: 'expected { openid: string, name: string, data }' })
        }
        const r = await cloud.callFunction(body.name, body.data ?? {}, { openid: body.openid })
        if (r.error) return send(res, 502, { error: r.error })
        return send(res, 200, r.result, {
          'x-db-requests': String(r.dbRequests),
          'x-docs-examined': String(r.docsExamined),
          'x-call-ms': String(Math.round(r.ms)),
        })
      }
      if (url.pathname === '/__dev/upload' && req.method === 'POST') {
        // The H5 app's stand-in for wx.cloud.uploadFile: the raw bytes into cloud storage.
        const cloudPath = url.searchParams.get('cloudPath') ?? ''
        if (!/^[\w\-./\u4e00-\u9fff]{1,200}$/.test(cloudPath) || cloudPath.includes('..')) {
          return send(res, 400, { error: 'cloudPath is missing or invalid' })
        }
        const fileID = await cloud.storage.upload(cloudPath, await readBody(req))
        return send(res, 200, { fileID })
      }
      if (url.pathname === '/__dev/phone-code' && req.method === 'POST') {
        // The H5 app's stand-in for WeChat's getPhoneNumber button: a one-time code for the acting
        // user's number, which the function exchanges through phonenumber.getPhoneNumber as usual.
        const body = (await readJson(req)) as { openid?: unknown }
        if (typeof body.openid !== 'string' || !body.openid) return send(res, 400, { error: 'expected { openid }' })
        return send(res, 200, { code: phoneCodeFor(body.openid) })
      }
      if (url.pathname === '/__dev/outbox' && req.method === 'GET') {
        const openid = url.searchParams.get('openid')
        return send(
          res,
          200,
          cloud.outbox().filter((m) => !openid || m.touser === openid),
        )
      }
      if (url.pathname === '/__dev/users' && req.method === 'GET') return send(res, 200, demoUsers)
      if (url.pathname === '/__dev/switcher.js') {
        res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' })
        return res.end(switcher)
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' })
      return serveStatic(opts.h5Dir, url.pathname, res)
    } catch (e) {
      return send(res, 400, { error: e instanceof Error ? e.message : String(e) })
    }
  })
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    cloud,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await cloud.close()
    },
  }
}

const LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i

/** Why a request is refused: a Host that is not a loopback name, or an Origin other than a loopback one. */
export function foreignRequest(req: Pick<http.IncomingMessage, 'headers'>): string | null {
  const host = req.headers.host ?? ''
  if (!LOOPBACK.test(host)) return 'only loopback host names are served'
  const origin = req.headers.origin
  if (origin !== undefined) {
    let o: URL | null = null
    try {
      o = new URL(origin)
    } catch {
      o = null
    }
    if (!o || !/^https?:$/.test(o.protocol) || !LOOPBACK.test(o.host)) return 'cross-origin requests are refused'
  }
  if (req.headers['sec-fetch-site'] === 'cross-site') return 'cross-origin requests are refused'
  return null
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse) {
  const rel = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html'
  const file = path.resolve(root, rel)
  const inside = file.startsWith(path.resolve(root) + path.sep)
  const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(root, 'index.html')
  if (!fs.existsSync(target)) {
    res.writeHead(503, { 'content-type': TYPES['.html'] })
    return res.end('<p>H5 应用尚未构建：请运行 npm start（会自动构建）或 npm run build:h5。</p>')
  }
  const ext = path.extname(target)
  let body: Buffer | string = fs.readFileSync(target)
  if (ext === '.html') {
    // The identity switcher is injected here, so no product code knows about it.
    body = body.toString('utf8').replace('</body>', '<script src="/__dev/switcher.js"></script></body>')
  }
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': ext === '.html' ? 'no-store' : 'max-age=60',
  })
  res.end(body)
}
