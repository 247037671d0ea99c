/**
 * `npm run bench:forms`: the city-wide 附件3 and the 附件2 export at 20k volunteers, 3k activities and
 * 100k tickets on the local cloud, against a raw scan of the same rows in the same run. Reports DB
 * requests, documents examined, times and their ratio, and the export's bytes (20,000 rows: the
 * volunteers the generator leaves without an active membership join a society); nothing passes or
 * fails. `-- --part statistics` or `-- --part roster` runs one half.
 */
import { ActivityType, FocusTag } from '../../types/enums'
import { demoTeams } from '../../emulator/seed'
import { newActivity } from '../../cloudfunctions/core/activity'
import { withMemberCounts } from '../../cloudfunctions/core/team'
import { startTestCloud } from '../support/dev-cloud'
import { generate, loadGenerated } from './generate'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main() {
  const cloud = await startTestCloud()
  const store = cloud.cloud.store
  const now = new Date()
  const year = now.getUTCFullYear()
  const data = generate('L', now)
  loadGenerated(store, data)
  // Up to 3k activities with figures, and overlapping memberships: a quarter also in a society.
  const teams = demoTeams.filter((t) => t.kind !== 'city')
  const existing = store.find('activities', {}).length
  const extra = Array.from({ length: Math.max(0, 3000 - existing) }, (_, i) => {
    const t = teams[i % teams.length]
    const start = new Date(Date.UTC(year, 0, 1 + (i % 300), 2))
    return {
      ...newActivity(
        {
          title: `活动${i}`,
          type: ActivityType.values[i % 7],
          focusTags: FocusTag.values.filter((_, k) => (i >> k) & 1),
          theme: null,
          venueKind: 'community_center',
          address: '',
          location: null,
          startAt: start,
          endAt: new Date(start.getTime() + 3 * 3_600_000),
          signupDeadline: start,
          capacity: 50,
          description: '',
          beneficiaries: [],
          contact: { name: '王老师', phone: '0737-4221234' },
          audience: 'city',
          insured: false,
          team: { id: t._id, name: t.name, kind: t.kind },
          teamId: t._id,
          teamPath: t.path,
        },
        'bench',
      ),
      _id: `bench-act-${i}`,
      stage: i % 10 === 0 ? 'cancelled' : 'published',
      checkedIn: i % 40,
      peopleServed: i % 3 ? i % 200 : null,
      createdAt: start,
      updatedAt: start,
    }
  })
  store.insert('activities', extra)
  const society = demoTeams.find((t) => t._id === 'team-medical')!
  const actives = store
    .find('memberships', { status: 'active' })
    .filter((m: { openid: string }) => m.openid.startsWith('gen-'))
    .slice(0, 5000)
  store.insert(
    'memberships',
    actives.map((m: { openid: string; since: Date }) => ({
      _id: `${m.openid}_${society._id}`,
      openid: m.openid,
      teamId: society._id,
      teamPath: society.path,
      status: 'active',
      primary: false,
      since: m.since,
    })),
  )
  // As the functions keep them: joining adds the society's path to the person's memberOf.
  store.update(
    'volunteers',
    { openid: { $in: actives.map((m: { openid: string }) => m.openid) } },
    { $addToSet: { memberOf: { $each: society.path } } },
  )
  const acts = store.find('activities', {}).map((a: { _id: string }) => a._id)
  for (let k = 0; k < 100_000; k += 10_000) {
    store.insert(
      'tickets',
      Array.from({ length: 10_000 }, (_, j) => {
        const i = k + j
        return {
          _id: `bench-tk-${i}`,
          key: `bench-key-${i}`,
          tid: `BENCHTID${i}`,
          activityId: acts[i % acts.length],
          openid: `gen-${i % 20_000}`,
          status: 'confirmed',
          createdAt: now,
        }
      }),
    )
  }
  // 附件2 at 20,000 rows: everyone without an active membership yet is activated in 农学会 (a second
  // society), their record made active with memberOf its path, as activation writes it.
  const agri = demoTeams.find((t) => t._id === 'team-agri')!
  const active = new Set(store.find('memberships', { status: 'active' }).map((m: { openid: string }) => m.openid))
  const joining: string[] = store
    .find('volunteers', {})
    .filter((v: { openid?: string }) => v.openid && !active.has(v.openid))
    .map((v: { openid: string }) => v.openid)
  store.update(
    'volunteers',
    { openid: { $in: joining } },
    { $set: { status: 'active', memberOf: agri.path, activation: null, leftAt: null, activatedAt: now } },
  )
  store.insert(
    'memberships',
    joining.map((openid, i) => ({
      _id: `${openid}_${agri._id}`,
      openid,
      teamId: agri._id,
      teamPath: agri.path,
      status: 'active',
      primary: false,
      since: new Date(now.getTime() - i * 1000),
    })),
  )
  // Every team's member counter as a recount gives it (core/team.ts), over all of the above.
  for (const t of withMemberCounts(store.find('teams', {}), store.find('volunteers', {})))
    store.update('teams', { _id: t._id }, { $set: { members: t.members } })
  const periodId = `period-${year}`
  const counts = {
    volunteers: store.find('volunteers', {}).length,
    memberships: store.find('memberships', {}).length,
    activities: store.find('activities', {}).length,
    tickets: store.find('tickets', {}).length,
  }
  console.log('[bench:forms] data', counts)

  const part = process.argv[process.argv.indexOf('--part') + 1]
  if (part !== 'roster') await statistics(cloud, store, periodId, year)
  if (part !== 'statistics') await roster(cloud)
  await cloud.close()
}

async function statistics(
  cloud: Awaited<ReturnType<typeof startTestCloud>>,
  store: Awaited<ReturnType<typeof startTestCloud>>['cloud']['store'],
  periodId: string,
  year: number,
) {
  // The form and the raw scan of the same rows, alternated so that the machine's load at any moment
  // weighs on both alike; a first round of each warms up and is not timed.
  const [from, to] = [new Date(`${year}-01-01T00:00:00+08:00`), new Date(`${year + 1}-01-01T00:00:00+08:00`)]
  const rawScan = () => {
    const a = store.find('activities', { teamPath: 'team-city', stage: 'published', startAt: { $gte: from, $lt: to } })
    const m = store.find('memberships', { teamPath: 'team-city', status: 'active' })
    const e = store.find('report_entries', { periodId })
    if (a.length + m.length + e.length < 0) throw new Error('unreachable')
  }
  const stats: number[] = []
  const scans: number[] = []
  let last!: Awaited<ReturnType<typeof cloud.call<'report.statistics'>>>
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now()
    last = await cloud.call('demo-owner', 'report.statistics', { teamId: 'team-city', periodId })
    const t1 = performance.now()
    rawScan()
    if (i > 0) {
      stats.push(t1 - t0)
      scans.push(performance.now() - t1)
    }
  }
  if (!last.ok) throw new Error(JSON.stringify(last))
  const f = last.ok ? last.data : null
  console.log('[bench:forms] 附件3 city-wide', {
    dbRequests: last.dbRequests,
    docsExamined: last.docsExamined,
    p50ms: median(stats).toFixed(1),
    rawScanP50ms: median(scans).toFixed(1),
    ratio: (median(stats) / median(scans)).toFixed(2),
    members: f?.teams.members,
    builtMembers: f?.teams.builtMembers,
    activities: f?.activities.total,
  })
  // Where the documents examined go, request by request (parallel requests land in any order).
  console.log(
    '[bench:forms] 附件3 requests',
    last.breakdown.map((b) => `${b.collection ?? '-'} ${b.action} ${b.docsExamined}`),
  )
  // The counters the form reads must agree with the memberships: distinct people counted here directly.
  const distinct = (q: object) => new Set(store.find('memberships', q).map((m: { openid: string }) => m.openid)).size
  const counties = demoTeams.filter((t) => t.kind === 'county').map((t) => t._id)
  const expected = {
    members: distinct({ teamPath: 'team-city', status: 'active' }),
    builtMembers: distinct({ teamPath: { $in: counties }, status: 'active' }),
  }
  const agree = expected.members === f?.teams.members && expected.builtMembers === f?.teams.builtMembers
  console.log('[bench:forms] members from memberships', { ...expected, agree })
  if (!agree) process.exitCode = 1
}

async function roster(cloud: Awaited<ReturnType<typeof startTestCloud>>) {
  const exportTimes: { ms: number; bytes: number; rows: number; dbRequests: number }[] = []
  for (let i = 0; i < 1; i++) {
    const t0 = performance.now()
    const r = await cloud.call('demo-owner', 'spreadsheet.exportRoster', { teamId: 'team-city' })
    if (!r.ok) throw new Error(JSON.stringify(r))
    exportTimes.push({ ms: performance.now() - t0, bytes: r.data.bytes, rows: r.data.rows, dbRequests: r.dbRequests })
  }
  console.log('[bench:forms] 附件2 export city-wide', exportTimes[exportTimes.length - 1])
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
