/**
 * 数据看板 (report.dashboard) through the local cloud, every figure worked out by hand from the forms'
 * fixture (test/support/forms-fixture.ts): a county with its township, a society and the city; scope;
 * DB requests per call.
 */
import { expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'
import { ADMINS, CITY, HESHAN, loadFormsFixture, MEDICAL, PERIOD } from '../support/forms-fixture'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
  loadFormsFixture(cloud)
}, 60_000)
afterAll(() => cloud?.close())
jest.setTimeout(60_000)

const noTypes = { lecture: 0, training: 0, consulting: 0, agriculture: 0, medical: 0, youth: 0, other: 0 }
const MONTHS = ['2023-03', '2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11']
/** The period's nine months, with the given activities by type in some of them. */
const months = (some: Record<string, Partial<typeof noTypes>>) =>
  MONTHS.map((month) => {
    const byType = { ...noTypes, ...some[month] }
    return { month, byType, total: Object.values(byType).reduce((a, b) => a + b, 0) }
  })
const dashboard = (who: string, teamId: string) => cloud.call(who, 'report.dashboard', { teamId, periodId: PERIOD })

describe('数据看板 worked out by hand', () => {
  it('the county: its and its township’s activities by month, members against the county target, deadlines', async () => {
    const r = await dashboard(ADMINS.heshan, HESHAN)
    const d = await expectOk(Promise.resolve(r))
    expect(d.unit).toEqual({ id: HESHAN, name: '赫山区科技志愿者队', kind: 'county' })
    expect(d.period).toEqual({ id: PERIOD, name: '2023年度科技志愿服务', start: '2023-03-01', end: '2023-11-30' })
    // f-a1 starts 2023-03-01 00:30 China time (still February in UTC); f-a2 the last evening, in the township.
    expect(d.months).toEqual(months({ '2023-03': { lecture: 1 }, '2023-11': { agriculture: 1 } }))
    expect(d.total).toBe(2)
    expect(d.byType).toEqual({ ...noTypes, lecture: 1, agriculture: 1 })
    expect(d.byFocus).toEqual({ key_event: 1, public_concern: 1, key_group: 1 })
    expect([d.experts, d.served]).toEqual([3 + 2, 120])
    expect(d.members).toBe(4)
    expect(d.target).toEqual({ founding: 100, goal: 500, goalDate: '2023-12-31' })
    expect(d.deadlines.map((x) => [x.key, x.due, x.state])).toEqual([
      ['roster', '2023-09-18', 'overdue'],
      ['statistics', '2023-11-30', 'overdue'],
    ])
    // Roles, the tree, periods, activities grouped twice (types and tags; months), filings; the
    // members are the team's counter, read with the tree.
    expect(r.dbRequests).toBe(6)
  })

  it('the society: its own activity, no target of its kind, a filed form turns 已完成', async () => {
    await expectOk(cloud.call(ADMINS.medical, 'report.file', { teamId: MEDICAL, periodId: PERIOD, form: 'roster' }))
    const d = await expectOk(dashboard(ADMINS.medical, MEDICAL))
    expect(d.months).toEqual(months({ '2023-06': { medical: 1 } }))
    expect(d.byFocus).toEqual({ key_event: 0, public_concern: 1, key_group: 0 })
    expect([d.total, d.experts, d.served, d.members]).toEqual([1, 4, 30, 3])
    expect(d.target).toBeNull()
    expect(d.deadlines.map((x) => [x.key, x.state])).toEqual([
      ['roster', 'done'],
      ['statistics', 'overdue'],
    ])
  })

  it('the city: every activity of the tree once, no cancelled, draft or out-of-period one', async () => {
    const d = await expectOk(dashboard(ADMINS.city, CITY))
    expect(d.months).toEqual(
      months({
        '2023-03': { lecture: 1 },
        '2023-05': { other: 1 },
        '2023-06': { medical: 1 },
        '2023-07': { youth: 1 },
        '2023-11': { agriculture: 1 },
      }),
    )
    expect(d.byFocus).toEqual({ key_event: 2, public_concern: 2, key_group: 1 })
    expect([d.total, d.experts, d.served, d.members]).toEqual([5, 3 + 2 + 4 + 1 + 0, 120 + 30 + 10, 7])
    // The period's deadlines are for societies and counties only.
    expect(d.deadlines).toEqual([])
  })
})

describe('scope and input', () => {
  it('refuses a team outside the caller’s administration, a volunteer, a bad id or period, and writes nothing', async () => {
    const store = cloud.cloud.store
    const snapshot = () => JSON.stringify(['audit_logs', 'report_entries', 'report_filings'].map((c) => store.find(c)))
    const before = snapshot()
    expect(await dashboard(ADMINS.heshan, MEDICAL)).toMatchObject({ ok: false, code: 'NOT_IN_SCOPE' })
    expect(await dashboard(ADMINS.town, HESHAN)).toMatchObject({ ok: false, code: 'NOT_IN_SCOPE' })
    expect(await dashboard('f-p1', HESHAN)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call(ADMINS.city, 'report.dashboard', { teamId: CITY, periodId: 'period-none' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    for (const bad of [{ teamId: 7, periodId: PERIOD }, { teamId: CITY }, { teamId: CITY, periodId: PERIOD, x: 1 }]) {
      const r = await cloud.call(ADMINS.city, 'report.dashboard', bad as never)
      expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
      expect(r.ok || r.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(snapshot()).toBe(before)
  })
})
