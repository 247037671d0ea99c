/**
 * `npm run bench`: speed and cost figures of the function bundles on the local cloud, and the
 * mini program's package sizes. Reported as numbers and ratios; nothing here passes or fails.
 */
import fs from 'node:fs'
import path from 'node:path'
import { paths } from '../../emulator/paths'
import { nthIdNumber, validRegistration } from '../support/fixtures'
import { startTestCloud, type TestCloud } from '../support/dev-cloud'
import type { ActionName, ReqOf } from '../../types/api'

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

async function timeCalls(cloud: TestCloud, openid: string, action: ActionName, data: unknown, n: number) {
  const ms: number[] = []
  let dbRequests = 0
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    const r = await cloud.call(openid, action, data as ReqOf<typeof action>)
    ms.push(performance.now() - t)
    dbRequests = r.dbRequests
  }
  const sorted = [...ms].sort((a, b) => a - b)
  return { first: ms[0], p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), dbRequests }
}

function dirBytes(dir: string, skip: (rel: string) => boolean = () => false, base = dir): number {
  if (!fs.existsSync(dir)) return 0
  let total = 0
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (skip(path.relative(base, p))) continue
    total += e.isDirectory() ? dirBytes(p, skip, base) : fs.statSync(p).size
  }
  return total
}

async function main() {
  const cloud = await startTestCloud()
  const rows: string[][] = [['action', 'first call ms', 'warm p50 ms', 'warm p95 ms', 'cold/warm', 'DB requests']]
  const report = (name: string, r: Awaited<ReturnType<typeof timeCalls>>) =>
    rows.push([
      name,
      r.first.toFixed(1),
      r.p50.toFixed(1),
      r.p95.toFixed(1),
      (r.first / r.p50).toFixed(1) + '×',
      String(r.dbRequests),
    ])
  try {
    report('volunteer.me', await timeCalls(cloud, 'demo-active', 'volunteer.me', {}, 200))
    report('activity.list', await timeCalls(cloud, 'demo-active', 'activity.list', {}, 200))
    report('team.page', await timeCalls(cloud, 'demo-heshan-admin', 'team.page', { teamId: 'team-heshan' }, 100))
    report('admin.reviewQueue', await timeCalls(cloud, 'demo-city-admin', 'admin.reviewQueue', {}, 100))
    // The one function that carries exceljs (2.5 MB bundle): its cold start is the one to watch.
    report(
      'spreadsheet.importTemplate',
      await timeCalls(cloud, 'demo-city-admin', 'spreadsheet.importTemplate', {}, 20),
    )

    // Simultaneous registrations, twice: the first round also pays for the function scaling out
    // to more instances (as the cloud would); the second runs on warm instances.
    const n = 100
    for (const round of ['scale-out', 'warm']) {
      const offset = round === 'warm' ? n : 0
      const t = performance.now()
      const results = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          cloud.call(
            `wx-bench-${offset + i}`,
            'volunteer.register',
            validRegistration({
              idNumber: nthIdNumber(offset + i),
              mobile: `137${String(offset + i).padStart(8, '0')}`,
            }),
          ),
        ),
      )
      const secs = (performance.now() - t) / 1000
      const okCount = results.filter((r) => r.ok).length
      console.log(
        `${n} simultaneous registrations (${round}): ${okCount} ok in ${secs.toFixed(2)} s → ${(okCount / secs).toFixed(0)} registrations/s`,
      )
    }
  } finally {
    await cloud.close()
  }
  console.log('\nWarm calls through the local cloud (real wx-server-sdk over loopback):')
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(28) : c.padStart(14))).join(''))

  const main = dirBytes(paths.weapp, (rel) => rel.startsWith('packages'))
  if (main > 0) {
    const sub = (name: string) => dirBytes(path.join(paths.weapp, 'packages', name))
    console.log(
      `\nweapp main package: ${main} bytes (${(main / 1024).toFixed(1)} KiB; WeChat's limit is 2048 KiB → ${((main / 2048 / 1024) * 100).toFixed(1)}%)`,
    )
    for (const name of fs.existsSync(path.join(paths.weapp, 'packages'))
      ? fs.readdirSync(path.join(paths.weapp, 'packages'))
      : []) {
      console.log(`  subpackage ${name}: ${sub(name)} bytes`)
    }
  } else {
    console.log('\n(no dist/: run `npm run build:weapp` for package sizes)')
  }
  for (const fn of fs.existsSync(paths.functions) ? fs.readdirSync(paths.functions) : []) {
    console.log(
      `function bundle ${fn}: ${(fs.statSync(path.join(paths.functions, fn, 'index.js')).size / 1024).toFixed(1)} KiB`,
    )
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
