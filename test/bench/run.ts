/**
 * `npm run bench [-- --scale S|M|L[,…]]`: cost and speed of every read action on the local cloud
 * at each data size (S: the demo data; M: +2,000 volunteers; L: +20,000, see generate.ts), how
 * that cost grows from the smallest size to the largest, cold starts, simultaneous registrations
 * and the mini program's package sizes. Prints the figures and writes docs/BENCHMARKS.md.
 * Reported as numbers and ratios; nothing here passes or fails.
 */
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as prettier from 'prettier'
import { paths } from '../../emulator/paths'
import type { DbRequestCost } from '../../emulator/index'
import { nthIdNumber, validRegistration } from '../support/fixtures'
import { startTestCloud, type TestCloud } from '../support/dev-cloud'
import type { ActionName, ReqOf } from '../../types/api'
import { generate, loadGenerated, SCALES, type Scale } from './generate'
import { benchOfflineVerify, verifyLines } from './offline-verify'

interface Bench {
  action: ActionName
  openid: string
  data: unknown
  /** Warm calls timed. */
  n: number
}

/** Every read a screen makes, as the user who makes it. */
const BENCHES: Bench[] = [
  { action: 'volunteer.me', openid: 'demo-active', data: {}, n: 40 },
  { action: 'activity.list', openid: 'demo-active', data: { tab: 'upcoming' }, n: 40 },
  { action: 'team.tree', openid: 'demo-active', data: {}, n: 20 },
  { action: 'team.page', openid: 'demo-heshan-admin', data: { teamId: 'team-heshan' }, n: 20 },
  { action: 'team.page', openid: 'demo-city-admin', data: { teamId: 'team-city' }, n: 20 },
  { action: 'team.members', openid: 'demo-city-admin', data: { teamId: 'team-city', limit: 20 }, n: 20 },
  { action: 'admin.reviewQueue', openid: 'demo-city-admin', data: {}, n: 20 },
  { action: 'admin.roles', openid: 'demo-city-admin', data: { teamId: 'team-city' }, n: 20 },
  { action: 'admin.periods', openid: 'demo-city-admin', data: {}, n: 20 },
  { action: 'activity.mine', openid: 'demo-active', data: { tab: 'upcoming' }, n: 20 },
  { action: 'checkin.mine', openid: 'demo-active', data: {}, n: 20 },
  { action: 'checkin.todo', openid: 'demo-organizer', data: {}, n: 20 },
  {
    action: 'report.dashboard',
    openid: 'demo-city-admin',
    data: { teamId: 'team-city', periodId: `period-${new Date().getUTCFullYear()}` },
    n: 10,
  },
  {
    action: 'report.statistics',
    openid: 'demo-city-admin',
    data: { teamId: 'team-city', periodId: `period-${new Date().getUTCFullYear()}` },
    n: 10,
  },
  // The one function that carries exceljs (2.5 MB bundle): its cold start is the one to watch.
  { action: 'spreadsheet.importTemplate', openid: 'demo-city-admin', data: {}, n: 10 },
]

interface Row {
  label: string
  dbRequests: number
  docsExamined: number
  p50: number
  p95: number
  breakdown: DbRequestCost[]
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
const label = (b: Bench) =>
  b.action + (b.data && typeof b.data === 'object' && 'teamId' in b.data ? ` (${String(b.data.teamId)})` : '')

async function measure(cloud: TestCloud, b: Bench): Promise<Row> {
  const ms: number[] = []
  let last!: Awaited<ReturnType<TestCloud['call']>>
  for (let i = 0; i < b.n + 1; i++) {
    const t = performance.now()
    last = await cloud.call(b.openid, b.action, b.data as ReqOf<typeof b.action>)
    if (i > 0) ms.push(performance.now() - t)
  }
  // A refused call measures nothing: the bench's own input is wrong, so stop rather than print it.
  if (!last.ok) throw new Error(`bench ${label(b)} was refused: ${last.code} ${last.message}`)
  const sorted = ms.sort((x, y) => x - y)
  return {
    label: label(b),
    dbRequests: last.dbRequests,
    docsExamined: last.docsExamined,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    breakdown: last.breakdown,
  }
}

/** First call of each function on fresh instances: the milliseconds its module took to load. */
async function coldStarts(cloud: TestCloud): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const b of BENCHES) {
    const fn = b.action.split('.')[0]
    if (fn in out) continue
    const r = await cloud.cloud.callFunction(fn, { action: b.action.split('.')[1], data: b.data }, { openid: b.openid })
    out[fn] = r.coldStartMs ?? NaN
  }
  return out
}

async function registrations(cloud: TestCloud): Promise<string[]> {
  // Twice: the first round also pays for the function scaling out to more instances (as the
  // cloud would); the second runs on warm instances.
  const n = 100
  const lines: string[] = []
  for (const round of ['scale-out', 'warm']) {
    const offset = round === 'warm' ? n : 0
    const t = performance.now()
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        cloud.call(
          `wx-bench-${offset + i}`,
          'volunteer.register',
          validRegistration({ idNumber: nthIdNumber(offset + i), mobile: `137${String(offset + i).padStart(8, '0')}` }),
        ),
      ),
    )
    const secs = (performance.now() - t) / 1000
    const ok = results.filter((r) => r.ok)
    const examined = Math.max(...results.map((r) => r.docsExamined))
    lines.push(
      `${n} simultaneous registrations (${round}): ${ok.length} ok in ${secs.toFixed(2)} s → ${(ok.length / secs).toFixed(0)}/s; ` +
        `${results[0].dbRequests} DB requests and at most ${examined} documents examined each`,
    )
  }
  return lines
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

function sizes(): string[] {
  const lines: string[] = []
  const main = dirBytes(paths.weapp, (rel) => rel.startsWith('packages'))
  if (main > 0) {
    lines.push(`weapp main package: ${main} bytes (${((main / 2048 / 1024) * 100).toFixed(1)}% of WeChat's 2048 KiB)`)
    const pkgs = path.join(paths.weapp, 'packages')
    for (const name of fs.existsSync(pkgs) ? fs.readdirSync(pkgs) : [])
      lines.push(`subpackage ${name}: ${dirBytes(path.join(pkgs, name))} bytes`)
  } else lines.push('(no dist/: run `npm run build:weapp` for package sizes)')
  for (const fn of fs.existsSync(paths.functions) ? fs.readdirSync(paths.functions) : []) {
    const index = path.join(paths.functions, fn, 'index.js')
    if (fs.existsSync(index)) lines.push(`function bundle ${fn}: ${fs.statSync(index).size} bytes`)
  }
  return lines
}

function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')
}

function scalesArg(): Scale[] {
  const i = process.argv.indexOf('--scale')
  const raw = i >= 0 ? process.argv[i + 1] : (process.argv.find((a) => a.startsWith('--scale='))?.slice(8) ?? 'S,M,L')
  const list = raw.split(',').map((s) => s.trim().toUpperCase())
  for (const s of list) if (!(s in SCALES)) throw new Error(`--scale takes S, M or L (or a list like S,L), not ${s}`)
  return list as Scale[]
}

async function main() {
  const scales = scalesArg()
  const results = new Map<Scale, Row[]>()
  let cold: Record<string, number> = {}
  let regs: string[] = []
  for (const scale of scales) {
    const cloud = await startTestCloud()
    try {
      const t = performance.now()
      loadGenerated(cloud.cloud.store, generate(scale))
      console.log(`[bench] scale ${scale}: data ready in ${((performance.now() - t) / 1000).toFixed(1)} s`)
      if (scale === scales[0]) cold = await coldStarts(cloud)
      const rows: Row[] = []
      for (const b of BENCHES) rows.push(await measure(cloud, b))
      results.set(scale, rows)
      if (scale === scales[scales.length - 1]) regs = await registrations(cloud)
    } finally {
      await cloud.close()
    }
  }

  const sections: string[] = []
  for (const [scale, rows] of results) {
    const s = SCALES[scale]
    sections.push(
      `### ${scale}: demo data + ${s.volunteers} volunteers, ${s.townships} township teams, ${s.activities} activities\n\n` +
        table(
          ['action', 'DB requests', 'docs examined', 'warm p50 ms', 'warm p95 ms'],
          rows.map((r) => [r.label, r.dbRequests, r.docsExamined, r.p50.toFixed(1), r.p95.toFixed(1)]),
        ),
    )
  }
  const first = results.get(scales[0])!
  const last = results.get(scales[scales.length - 1])!
  if (scales.length > 1) {
    sections.push(
      `### Growth from ${scales[0]} to ${scales[scales.length - 1]}\n\n` +
        table(
          ['action', 'DB requests', 'docs examined', '', 'warm p50 ms'],
          first.map((a, i) => {
            const b = last[i]
            const flat = b.docsExamined <= Math.max(2 * a.docsExamined, a.docsExamined + 20)
            return [
              a.label,
              `${a.dbRequests} → ${b.dbRequests}`,
              `${a.docsExamined} → ${b.docsExamined}`,
              flat ? 'flat' : `**grows ×${(b.docsExamined / Math.max(1, a.docsExamined)).toFixed(0)}**`,
              `${a.p50.toFixed(1)} → ${b.p50.toFixed(1)}`,
            ]
          }),
        ),
    )
  }
  sections.push(
    `### Where the documents are read (${scales[scales.length - 1]})\n\n` +
      table(
        ['action', 'request', 'collection', 'examined', 'returned', 'how'],
        last.flatMap((r) =>
          r.breakdown
            .filter((q) => q.docsExamined > 0)
            .map((q) => [
              r.label,
              q.action.replace('database.', ''),
              q.collection ?? '',
              q.docsExamined,
              q.returned ?? '',
              q.plan ?? '',
            ]),
        ),
      ),
  )
  sections.push(
    '### Cold start per function (module load on a new instance)\n\n' +
      table(
        ['function', 'ms'],
        Object.entries(cold).map(([fn, ms]) => [fn, ms.toFixed(0)]),
      ),
  )
  sections.push(`### Concurrency (${scales[scales.length - 1]})\n\n${regs.map((l) => `- ${l}`).join('\n')}`)
  sections.push(
    `### Offline check-in on the organizer's phone (same code, in Node)\n\n${verifyLines(benchOfflineVerify())
      .map((l) => `- ${l}`)
      .join('\n')}`,
  )
  sections.push(
    `### Sizes\n\n${sizes()
      .map((l) => `- ${l}`)
      .join('\n')}`,
  )

  let commit = 'unknown'
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: paths.root }).toString().trim()
  } catch {
    // Not a git checkout.
  }
  const cpu = os.cpus()
  const header = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (test/bench/run.ts); the local cloud runs the built function bundles with the real',
    'wx-server-sdk over loopback. "docs examined" is what the cloud database would read for the requests, given the',
    'indexes in cloudfunctions/database.json (emulator/cost.ts); "flat" means at most 2× (or +20) from the smallest',
    'size to the largest. Timings are of this machine and the local cloud, not of 云开发.',
    '',
    `- machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`,
    `- date: ${new Date().toISOString()}`,
    `- commit: ${commit}`,
    `- scales: ${scales.join(', ')}`,
  ].join('\n')
  // Formatted as the repository formats Markdown, so the written file passes the format check.
  const config = (await prettier.resolveConfig(path.join(paths.root, 'docs', 'BENCHMARKS.md'))) ?? {}
  const doc = await prettier.format(`${header}\n\n${sections.join('\n\n')}\n`, { ...config, parser: 'markdown' })
  console.log(`\n${doc}`)
  fs.mkdirSync(path.join(paths.root, 'docs'), { recursive: true })
  fs.writeFileSync(path.join(paths.root, 'docs', 'BENCHMARKS.md'), doc)
  console.log('[bench] written to docs/BENCHMARKS.md')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
