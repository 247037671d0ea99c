/**
 * report.saveHighlights: the 1–2 亮点活动 of a period saved on their own, the entered figures left as
 * they are, through the local cloud on the forms' fixture (test/support/forms-fixture.ts).
 */
import type { EnteredFigures } from '../../types/api'
import { expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'
import { ADMINS, ANHUA, CITY, HESHAN, loadFormsFixture, MEDICAL, PERIOD, TOWN } from '../support/forms-fixture'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 60_000)
beforeEach(() => loadFormsFixture(cloud))
afterAll(() => cloud?.close())
jest.setTimeout(60_000)

const blank: EnteredFigures = {
  museumTours: null,
  caravanTours: null,
  ruralTrainings: null,
  ruralTrainees: null,
  farmerContest: null,
  provinceContest: null,
  informants: null,
  kepuChinaShares: null,
  kepuHunanShares: null,
}
const save = (who: string, teamId: string, highlightIds: unknown) =>
  cloud.call(who, 'report.saveHighlights', { teamId, periodId: PERIOD, highlightIds } as never)
const entries = () => cloud.cloud.store.find('report_entries')

it('keeps the figures as entered and changes only the highlights', async () => {
  const figures = { ...blank, museumTours: 2, informants: 4, kepuChinaShares: 40 }
  await expectOk(
    cloud.call(ADMINS.heshan, 'report.saveEntry', {
      teamId: HESHAN,
      periodId: PERIOD,
      figures,
      coverage: { museum: true, caravan: false },
      highlightIds: [],
    }),
  )
  // Grants read afresh, not kept from earlier calls (core/role-cache.ts).
  cloud.cloud.recycle('report')
  const r = await save(ADMINS.heshan, HESHAN, ['f-a1', 'f-a1'])
  const saved = await expectOk(Promise.resolve(r))
  expect(saved).toMatchObject({ teamId: HESHAN, figures, coverage: { museum: true, caravan: false } })
  expect(saved.highlightIds).toEqual(['f-a1'])
  // Roles, the tree, periods, the chosen activities, the update, the entry read back.
  expect(r.dbRequests).toBe(6)
  const form = await expectOk(cloud.call(ADMINS.heshan, 'report.statistics', { teamId: HESHAN, periodId: PERIOD }))
  expect(form.highlights.map((h) => h.activityId)).toEqual(['f-a1'])
  expect(form.figures).toEqual({ ...figures })
  // And cleared again, figures still untouched.
  expect(await expectOk(save(ADMINS.heshan, HESHAN, []))).toMatchObject({ highlightIds: [], figures })
})

it('a team with no entry yet gets its highlights, and still counts as not having entered its figures', async () => {
  // 安化 has no administrator of its own in the fixture: the city's acts for it; f-a7 is its write-up.
  const saved = await expectOk(save(ADMINS.city, ANHUA, ['f-a7']))
  expect(saved).toMatchObject({ teamId: ANHUA, figures: blank, highlightIds: ['f-a7'] })
  expect(entries()).toEqual([expect.objectContaining({ teamId: ANHUA, figuresEntered: false })])
  const city = await expectOk(cloud.call(ADMINS.city, 'report.statistics', { teamId: CITY, periodId: PERIOD }))
  expect(city.notEntered.map((t) => t.id)).toContain(ANHUA)
  expect(city.figures).toEqual(blank)
  const anhua = await expectOk(cloud.call(ADMINS.city, 'report.statistics', { teamId: ANHUA, periodId: PERIOD }))
  expect(anhua.highlights.map((h) => h.activityId)).toEqual(['f-a7'])
  // Entering the figures afterwards makes it entered, and keeps the highlights sent with them.
  await expectOk(
    cloud.call(ADMINS.city, 'report.saveEntry', {
      teamId: ANHUA,
      periodId: PERIOD,
      figures: { ...blank, caravanTours: 1 },
      coverage: { museum: null, caravan: true },
      highlightIds: ['f-a7'],
    }),
  )
  const after = await expectOk(cloud.call(ADMINS.city, 'report.statistics', { teamId: CITY, periodId: PERIOD }))
  expect(after.notEntered.map((t) => t.id)).not.toContain(ANHUA)
})

it('two first saves at once leave one entry', async () => {
  const [a, b] = await Promise.all([save(ADMINS.city, ANHUA, ['f-a7']), save(ADMINS.city, ANHUA, [])])
  expect([a.ok, b.ok]).toEqual([true, true])
  expect(entries()).toHaveLength(1)
})

it('refuses other teams’ or periods’ activities, more than 2, out of scope, and writes nothing', async () => {
  await expectOk(save(ADMINS.heshan, HESHAN, ['f-a1']))
  const before = JSON.stringify([entries(), cloud.cloud.store.find('audit_logs')])
  const refusals: [string, string, unknown, string][] = [
    // Another county's activity, the parent's activity for a township, a sibling's write-up.
    [ADMINS.heshan, HESHAN, ['f-a7'], 'HIGHLIGHT_NOT_ELIGIBLE'],
    [ADMINS.town, TOWN, ['f-a1'], 'HIGHLIGHT_NOT_ELIGIBLE'],
    [ADMINS.medical, MEDICAL, ['f-a7'], 'HIGHLIGHT_NOT_ELIGIBLE'],
    // Cancelled, the day after the period, the day before, a blank write-up, no such activity.
    [ADMINS.heshan, HESHAN, ['f-a3'], 'HIGHLIGHT_NOT_ELIGIBLE'],
    [ADMINS.heshan, HESHAN, ['f-a8'], 'HIGHLIGHT_NOT_ELIGIBLE'],
    [ADMINS.heshan, HESHAN, ['f-a4'], 'HIGHLIGHT_NOT_ELIGIBLE'],
    [ADMINS.medical, MEDICAL, ['f-a6'], 'HIGHLIGHT_NOT_ELIGIBLE'],
    [ADMINS.heshan, HESHAN, ['f-a1', 'nope'], 'HIGHLIGHT_NOT_ELIGIBLE'],
    [ADMINS.city, CITY, ['f-a1', 'f-a7', 'f-a9'], 'INVALID_INPUT'],
    [ADMINS.city, CITY, 'f-a1', 'INVALID_INPUT'],
    [ADMINS.city, CITY, [7], 'INVALID_INPUT'],
    [ADMINS.heshan, MEDICAL, ['f-a6'], 'NOT_IN_SCOPE'],
    [ADMINS.town, HESHAN, ['f-a1'], 'NOT_IN_SCOPE'],
    ['f-p1', HESHAN, ['f-a1'], 'FORBIDDEN'],
  ]
  for (const [who, teamId, ids, code] of refusals) {
    const r = await save(who, teamId, ids)
    expect([teamId, ids, r.ok ? 'ok' : r.code]).toEqual([teamId, ids, code])
    expect(r.ok || r.message).toMatch(/[\u4e00-\u9fa5]/)
  }
  expect(JSON.stringify([entries(), cloud.cloud.store.find('audit_logs')])).toBe(before)
})

it('a figures save without highlights leaves those another administrator chose, and counts as entered', async () => {
  // 安化's highlights are chosen first (the city's administrator), then figures are saved without any.
  await expectOk(save(ADMINS.city, ANHUA, ['f-a7']))
  const figures = { ...blank, caravanTours: 3 }
  const saved = await expectOk(
    cloud.call(ADMINS.city, 'report.saveEntry', {
      teamId: ANHUA,
      periodId: PERIOD,
      figures,
      coverage: { museum: false, caravan: true },
    }),
  )
  expect(saved).toMatchObject({ teamId: ANHUA, figures, highlightIds: ['f-a7'] })
  expect(entries()).toEqual([expect.objectContaining({ teamId: ANHUA, highlightIds: ['f-a7'], figuresEntered: true })])
  const city = await expectOk(cloud.call(ADMINS.city, 'report.statistics', { teamId: CITY, periodId: PERIOD }))
  expect(city.notEntered.map((t) => t.id)).not.toContain(ANHUA)
  // A team with no entry yet: the figures alone make one, with no highlights.
  await expectOk(
    cloud.call(ADMINS.heshan, 'report.saveEntry', {
      teamId: HESHAN,
      periodId: PERIOD,
      figures,
      coverage: { museum: true, caravan: true },
    }),
  )
  expect(entries().find((e) => e.teamId === HESHAN)).toMatchObject({ highlightIds: [], figures })
})
