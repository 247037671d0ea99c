/**
 * `npm start`: build what is missing or stale, start the local cloud and the dev server on
 * 127.0.0.1, seed demo data on the first start. Ctrl-C stops cleanly; data stays in .data/.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { buildFunctions } from '../cloudfunctions/build'
import { startDevServer } from './dev-server'
import { startTimers } from './timers'
import { paths } from './paths'

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)
  }
  return newest
}

export function h5IsStale(): boolean {
  const index = path.join(paths.h5, 'index.html')
  if (!fs.existsSync(index)) return true
  const sources = ['src', 'types', 'config'].map((d) => newestMtime(path.join(paths.root, d)))
  return Math.max(...sources) > fs.statSync(index).mtimeMs
}

export function buildH5(): void {
  console.log('[start] building the H5 app (first start or sources changed)…')
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: paths.root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (r.status !== 0) throw new Error('H5 build failed')
}

async function main() {
  await buildFunctions()
  if (h5IsStale()) buildH5()
  const port = Number(process.env.PORT ?? 8686)
  const server = await startDevServer({
    dataDir: paths.data,
    h5Dir: paths.h5,
    functionsDir: paths.functions,
    databaseSpec: paths.databaseSpec,
    port,
  })
  const stopTimers = startTimers(server.cloud, paths.functions)
  console.log(
    `\n  科普益阳 科技志愿者 — 本地云已启动\n  打开 ${server.url}/  （右下角可切换演示身份、查看消息）\n  Ctrl-C 停止；数据保存在 .data/，npm run reset 清空\n`,
  )
  let closing = false
  const stop = () => {
    if (closing) return
    closing = true
    console.log('\n[start] stopping…')
    stopTimers()
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

// Run as a script (not imported by start or the tests).
if ((require as unknown as { main: unknown }).main === module) {
  main().catch((e) => {
    console.error('[start]', e instanceof Error ? e.message : e)
    process.exit(1)
  })
}
