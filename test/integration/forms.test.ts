/**
 * The notice's two forms through the local cloud with the real SDK, every cell worked out by hand
 * from the fixture (test/support/forms-fixture.ts) for a county, a society and the city; entries,
 * filing, exports read back cell by cell, certificates; scope and DB requests per action.
 */
import ExcelJS from 'exceljs'
import type { EnteredFigures } from '../../types/api'
import { statisticsSections } from '../../types/report-form'
import { expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'
import { ADMINS, ANHUA, CITY, HESHAN, loadFormsFixture, MEDICAL, PERIOD, TOWN } from '../support/forms-fixture'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
  loadFormsFixture(cloud)
  // Entered figures at several levels; the township's and the city's own records add in.
  const save = (
    who: string,
    teamId: string,
    figures: Partial<EnteredFigures>,
    coverage = {},
    highlightIds: string[] = [],
  ) =>
    expectOk(
      cloud.call(who, 'report.saveEntry', {
        teamId,
        periodId: PERIOD,
        figures: { ...blank, ...figures },
        coverage: { museum: null, caravan: null, ...coverage },
        highlightIds,
      }),
    )
  await save(
    ADMINS.heshan,
    HESHAN,
    { museumTours: 2, caravanTours: 0, ruralTrainings: 3, ruralTrainees: 150, informants: 4, kepuChinaShares: 40 },
    { museum: true, caravan: false },
    ['f-a1'],
  )
  await save(ADMINS.town, TOWN, { museumTours: 1, kepuChinaShares: 5, farmerContest: 12 })
  await save(ADMINS.medical, MEDICAL, { informants: 0, kepuHunanShares: 7, provinceContest: 20 })
  await save(ADMINS.city, ANHUA, { caravanTours: 2 }, { museum: true })
  await save(ADMINS.city, CITY, { ruralTrainees: 0 }, {}, ['f-a7', 'f-a1'])
}, 60_000)
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
const noTypes = { lecture: 0, training: 0, consulting: 0, agriculture: 0, medical: 0, youth: 0, other: 0 }
const noFocus = { key_event: 0, public_concern: 0, key_group: 0 }

const statistics = (who: string, teamId: string) => cloud.call(who, 'report.statistics', { teamId, periodId: PERIOD })
/** The collections a call read (sorted: parallel reads land in any order), leaving out the caller's grants (cached in a warm instance for a while). */
const withoutRoles = (r: { breakdown: { collection?: string }[] }) =>
  r.breakdown
    .map((b) => b.collection ?? '')
    .filter((c) => c !== 'roles')
    .sort()

describe('附件3 worked out by hand', () => {
  it('the county: itself and its township, its own coverage answers', async () => {
    const r = await statistics(ADMINS.heshan, HESHAN)
    const f = await expectOk(Promise.resolve(r))
    // Members: 赵一 (赫山), 钱二 (龙光桥), 孙三 (赫山 + 医学会), 郑七 (赫山 + 安化); 周五 left, 吴六 suspended here.
    expect(f.teams).toEqual({ members: 4, built: 2, builtMembers: 4 })
    // f-a1 (first minute of the first day) and f-a2 (last day, township); not the cancelled f-a3,
    // f-a4 started the day before, the draft f-a5, nor f-a8 the day after.
    expect(f.activities).toEqual({
      sinceYear: 2023,
      sinceMonth: 3,
      total: 2,
      byType: { ...noTypes, lecture: 1, agriculture: 1 },
      byFocus: { key_event: 1, public_concern: 1, key_group: 1 },
      experts: 5,
      served: 120,
    })
    expect(f.highlights.map((h) => h.activityId)).toEqual(['f-a1'])
    // 赫山 + 龙光桥: 2+1 museum tours, 40+5 articles by 4 信息员 = 11.25 → 11.3.
    expect(f.figures).toEqual({
      ...blank,
      museumTours: 3,
      caravanTours: 0,
      ruralTrainings: 3,
      ruralTrainees: 150,
      farmerContest: 12,
      informants: 4,
      kepuChinaShares: 45,
    })
    expect(f.perPerson).toEqual({ kepuChina: 11.3, kepuHunan: null })
    expect(f.coverage).toEqual({ museum: { kind: 'own', value: true }, caravan: { kind: 'own', value: false } })
    expect(f.notEntered).toEqual([])
    expect(f.due).toBe('2023-11-30')
    // The tree, periods, activities grouped, entries, the chosen highlight (and the caller's roles,
    // unless the warm instance still holds them): the members and the built teams' members are the
    // county's counter, read with the tree.
    expect(withoutRoles(r)).toEqual(['activities', 'activities', 'periods', 'report_entries', 'teams'])
    expect(r.dbRequests).toBeLessThanOrEqual(6)
  })

  it('the society: its own activities, no coverage, no average over 0 信息员', async () => {
    const f = await expectOk(statistics(ADMINS.medical, MEDICAL))
    // 孙三, 李四, 吴六 (suspended in 赫山, active here).
    expect(f.teams).toEqual({ members: 3, built: 0, builtMembers: 0 })
    expect(f.activities).toMatchObject({
      total: 1,
      byType: { ...noTypes, medical: 1 },
      byFocus: { ...noFocus, public_concern: 1 },
      experts: 4,
      served: 30,
    })
    expect(f.highlights).toEqual([])
    expect(f.figures).toEqual({ ...blank, informants: 0, kepuHunanShares: 7, provinceContest: 20 })
    expect(f.perPerson).toEqual({ kepuChina: null, kepuHunan: null })
    expect(f.coverage).toEqual({ museum: { kind: 'none' }, caravan: { kind: 'none' } })
  })

  it('the city: everyone once, every activity of the tree, n of m counties, teams yet to enter', async () => {
    const r = await statistics(ADMINS.city, CITY)
    const f = await expectOk(Promise.resolve(r))
    // 赵一 钱二 孙三 李四 吴六 郑七 王九; county and township members: 赵一 钱二 孙三 郑七.
    expect(f.teams).toEqual({ members: 7, built: 8, builtMembers: 4 })
    expect(f.activities).toMatchObject({
      total: 5,
      byType: { ...noTypes, lecture: 1, agriculture: 1, medical: 1, youth: 1, other: 1 },
      byFocus: { key_event: 2, public_concern: 2, key_group: 1 },
      experts: 10,
      served: 160,
    })
    expect(f.highlights.map((h) => h.activityId)).toEqual(['f-a7', 'f-a1'])
    expect(f.figures).toEqual({
      museumTours: 3,
      caravanTours: 2,
      ruralTrainings: 3,
      ruralTrainees: 150,
      farmerContest: 12,
      provinceContest: 20,
      informants: 4,
      kepuChinaShares: 45,
      kepuHunanShares: 7,
    })
    // 7 ÷ 4 = 1.75 → 1.8
    expect(f.perPerson).toEqual({ kepuChina: 11.3, kepuHunan: 1.8 })
    // 赫山 and 安化 answered 是 for the museum; nobody 是 for the caravan (赫山 否, 安化 no answer).
    expect(f.coverage).toEqual({
      museum: { kind: 'counties', yes: 2, of: 7 },
      caravan: { kind: 'counties', yes: 0, of: 7 },
    })
    expect(f.notEntered.map((t) => t.id).sort()).toEqual(
      [
        'team-agri',
        'team-datonghu',
        'team-meteo',
        'team-nanxian',
        'team-taojiang',
        'team-yuanjiang',
        'team-ziyang',
      ].sort(),
    )
    // The tree, periods, activities grouped, the counties' distinct people counted, entries, the
    // chosen highlights (and the roles, unless cached): the city's members are its counter.
    expect(withoutRoles(r)).toEqual(['activities', 'activities', 'periods', 'report_entries', 'teams', 'volunteers'])
    expect(r.breakdown.find((b) => b.collection === 'volunteers')).toMatchObject({
      action: 'database.calculateDocument',
      docsExamined: 4,
    })
    expect(r.dbRequests).toBeLessThanOrEqual(7)
  })

  it('counts records from before memberOf once the recount has given them memberOf, and nobody whose memberships all ended', async () => {
    const store = cloud.cloud.store
    const memberOf = (openid: string) => store.find('volunteers', { openid })[0].memberOf
    const others = () => ['f-p3', 'f-p6', 'f-p7'].map(memberOf)
    const before = others()
    // 赵一 (赫山) and 钱二 (龙光桥) as activated before memberOf existed. 孙三 and 吴六 share 赵一's
    // primary team but count elsewhere too (医学会; 吴六 no longer in 赫山); 周五, of 钱二's primary
    // team, has left, his record without memberOf too: none of them may be given 赵一's or 钱二's path.
    store.update('volunteers', { openid: { $in: ['f-p1', 'f-p2', 'f-p5'] } }, { $unset: { memberOf: '' } })
    store.update('volunteers', { openid: 'f-p5' }, { $set: { status: 'left' } })
    try {
      // The city's count reads memberOf only: until the recount, neither counts in a county.
      expect((await expectOk(statistics(ADMINS.city, CITY))).teams.builtMembers).toBe(2)
      const r = await cloud.call(ADMINS.city, 'team.recount', {})
      expect(await expectOk(Promise.resolve(r))).toMatchObject({ filled: 2, repaired: 0 })
      // The recount's own read tells there are such records; then one read of them (on the index
      // member_of_activated) and one update per distinct path, by id: each record examined once a step.
      const fill = r.breakdown.filter((b) => b.collection === 'volunteers').slice(1)
      expect(fill.map((b) => [b.action, b.docsExamined])).toEqual([
        ['database.getDocument', 2],
        ['database.modifyDocument', 1],
        ['database.modifyDocument', 1],
      ])
      expect([memberOf('f-p1'), memberOf('f-p2')]).toEqual([
        [CITY, HESHAN],
        [CITY, HESHAN, TOWN],
      ])
      expect(memberOf('f-p5')).toBeUndefined()
      expect(others()).toEqual(before)
      store.update('volunteers', { openid: 'f-p5' }, { $set: { status: 'active', memberOf: [] } })
      const f = await expectOk(statistics(ADMINS.city, CITY))
      expect(f.teams).toEqual({ members: 7, built: 8, builtMembers: 4 })
      // Once all are filled, the recount looks for none: no request beyond its own read.
      const again = await cloud.call(ADMINS.city, 'team.recount', {})
      expect(await expectOk(Promise.resolve(again))).toMatchObject({ filled: 0, repaired: 0 })
      expect(again.breakdown.filter((b) => b.collection === 'volunteers')).toHaveLength(1)
    } finally {
      store.update('volunteers', { openid: 'f-p1' }, { $set: { memberOf: [CITY, HESHAN] } })
      store.update('volunteers', { openid: 'f-p2' }, { $set: { memberOf: [CITY, HESHAN, TOWN] } })
      store.update('volunteers', { openid: 'f-p5' }, { $set: { status: 'active', memberOf: [] } })
    }
  })

  it('reads as the notice does, sentence by sentence', async () => {
    const f = await expectOk(statistics(ADMINS.city, CITY))
    const text = statisticsSections(f).map((s) => s.text)
    expect(text[0]).toBe('已建立（7）人的科技志愿支队：\n本区县（市）已建立（8）支科技志愿者队，人数（4）人。')
    expect(text[1]).toBe(
      '2023年（3）月以来，共组织科技志愿服务活动（5）次（含县级志愿者队的数据，下同），其中科普报告（1）次、科技培训（0）次、' +
        '技术咨询（0）次、农技服务（1）次、医疗服务（1）次、青少年科技教育（1）次、其他（1）次。上述活动中，' +
        '结合全国科普日等重点活动开展服务（2）次，结合卫生健康等群众关切开展服务（2）次，结合农村妇女、青少年等重点人群开展服务（1）次，' +
        '参与服务的专家有（10）人次，接受服务的群众有（160）人次。',
    )
    expect(text[3]).toBe(
      '流动科技馆巡展（3）次，是否在全县基本覆盖（7个区县中2个是）；\n科普大篷车巡展（2）次，是否在全县基本覆盖（7个区县中0个是）。',
    )
    expect(text[5]).toBe(
      '已建立（4）人的科普中国信息员队伍，2023年以来共分享“科普中国”文章（45）篇，平均每人（11.3）篇；分享“科普湖南”文章（7）篇，平均每人（1.8）篇。',
    )
    const society = statisticsSections(await expectOk(statistics(ADMINS.medical, MEDICAL)))
    expect(society[3].text).toBe(
      '流动科技馆巡展（  ）次，是否在全县基本覆盖（  ）；\n科普大篷车巡展（  ）次，是否在全县基本覆盖（  ）。',
    )
    expect(society[4].text).toBe(
      '开展农村重点人群科学素质培训培育（  ）次，培训（  ）人次；组织参加2023年全国农民科学素质网络知识竞赛（  ）人次，组织参加2023年湖南省科学素质网络大赛（20）人次。',
    )
  })
})

describe('entries', () => {
  const entry = (over: object = {}) => ({
    teamId: HESHAN,
    periodId: PERIOD,
    figures: blank,
    coverage: { museum: null, caravan: null },
    highlightIds: [],
    ...over,
  })
  const snapshot = () => JSON.stringify(cloud.cloud.store.find('report_entries'))

  it('refuses a negative or fractional count, naming the field, and writes nothing', async () => {
    const before = snapshot()
    for (const bad of [-1, 1.5, '3']) {
      const r = await cloud.call(
        ADMINS.heshan,
        'report.saveEntry',
        entry({ figures: { ...blank, museumTours: bad } }) as never,
      )
      expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'figures.museumTours' })
    }
    expect(snapshot()).toBe(before)
  })

  it('takes coverage only from a county, and highlights only from counted write-ups', async () => {
    const before = snapshot()
    expect(
      await cloud.call(
        ADMINS.medical,
        'report.saveEntry',
        entry({ teamId: MEDICAL, coverage: { museum: true, caravan: null } }),
      ),
    ).toMatchObject({ ok: false, code: 'COVERAGE_NOT_COUNTY' })
    // f-a6 has a blank write-up; f-a3 was cancelled; f-a8 is outside the period; f-a6 is another team's.
    for (const [who, teamId, id] of [
      [ADMINS.medical, MEDICAL, 'f-a6'],
      [ADMINS.heshan, HESHAN, 'f-a3'],
      [ADMINS.heshan, HESHAN, 'f-a8'],
      [ADMINS.heshan, HESHAN, 'f-a7'],
    ]) {
      expect(await cloud.call(who, 'report.saveEntry', entry({ teamId, highlightIds: [id] }))).toMatchObject({
        ok: false,
        code: 'HIGHLIGHT_NOT_ELIGIBLE',
      })
    }
    expect(snapshot()).toBe(before)
  })

  it('offers the counted activities with a write-up as highlight candidates', async () => {
    const e = await expectOk(cloud.call(ADMINS.city, 'report.entry', { teamId: CITY, periodId: PERIOD }))
    expect(e.candidates.map((c) => c.activityId)).toEqual(['f-a7', 'f-a1'])
    expect(e.entry.highlightIds).toEqual(['f-a7', 'f-a1'])
    expect(e.entry.figures).toEqual({ ...blank, ruralTrainees: 0 })
  })
})

describe('scope', () => {
  it('keeps forms to administrators in scope: NOT_IN_SCOPE elsewhere, FORBIDDEN for volunteers', async () => {
    const before = JSON.stringify(
      ['report_entries', 'report_filings', 'audit_logs'].map((c) => cloud.cloud.store.find(c)),
    )
    for (const [action, data] of [
      ['report.statistics', { teamId: MEDICAL, periodId: PERIOD }],
      ['report.roster', { teamId: CITY }],
      ['report.file', { teamId: MEDICAL, periodId: PERIOD, form: 'roster' }],
      [
        'report.saveEntry',
        { teamId: CITY, periodId: PERIOD, figures: blank, coverage: { museum: null, caravan: null }, highlightIds: [] },
      ],
      ['spreadsheet.exportRoster', { teamId: MEDICAL }],
      ['spreadsheet.exportStatistics', { teamId: CITY, periodId: PERIOD }],
    ] as const) {
      expect(await cloud.call(ADMINS.heshan, action, data as never)).toMatchObject({ ok: false, code: 'NOT_IN_SCOPE' })
      expect(await cloud.call('f-p1', action, data as never)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
    expect(
      JSON.stringify(['report_entries', 'report_filings', 'audit_logs'].map((c) => cloud.cloud.store.find(c))),
    ).toBe(before)
  })
})

describe('附件2 worked out by hand', () => {
  it('lists each member once in the order they first joined, names masked, in pages', async () => {
    const first = await cloud.call(ADMINS.city, 'report.roster', { teamId: CITY, limit: 3 })
    const p1 = await expectOk(Promise.resolve(first))
    expect(p1.unit).toEqual({ id: CITY, name: '湖南省科技志愿者益阳市支队', kind: 'city' })
    expect(p1.total).toBe(7)
    // 赵一 and 孙三 joined the same minute: by membership record id; 钱二 and 郑七 likewise.
    expect(p1.page.items).toEqual([
      { no: 1, name: '赵*', gender: 'male', employer: '赫山区科协', position: '干事' },
      { no: 2, name: '孙*', gender: 'male', employer: '益阳市中心医院', position: '主任医师' },
      { no: 3, name: '钱*', gender: 'female', employer: '龙光桥街道', position: '农技员' },
    ])
    const p2 = await expectOk(
      cloud.call(ADMINS.city, 'report.roster', { teamId: CITY, limit: 3, cursor: p1.page.nextCursor! }),
    )
    expect(p2.page.items.map((r) => [r.no, r.name])).toEqual([
      [4, '郑*'],
      [5, '李*'],
      [6, '吴*'],
    ])
    const p3 = await expectOk(
      cloud.call(ADMINS.city, 'report.roster', { teamId: CITY, limit: 3, cursor: p2.page.nextCursor! }),
    )
    expect(p3.page.items).toEqual([
      { no: 7, name: '王*', gender: 'male', employer: '=cmd|calc', position: '@SUM(A1:A2)' },
    ])
    expect(p3.page.nextCursor).toBeNull()
    expect(first.dbRequests).toBeLessThanOrEqual(6)
  })

  it('the county lists its township and excludes the departed and the suspended; a blank 职务 stays blank', async () => {
    const h = await expectOk(cloud.call(ADMINS.heshan, 'report.roster', { teamId: HESHAN, limit: 50 }))
    expect(h.total).toBe(4)
    expect(h.page.items.map((r) => r.name)).toEqual(['赵*', '钱*', '郑*', '孙*'])
    const m = await expectOk(cloud.call(ADMINS.medical, 'report.roster', { teamId: MEDICAL, limit: 50 }))
    expect(m.page.items.map((r) => [r.name, r.position])).toEqual([
      ['孙*', '主任医师'],
      ['李*', ''],
      ['吴*', '护士'],
    ])
  })
})

async function readBack(fileID: string): Promise<ExcelJS.Workbook> {
  const content = cloud.cloud.storage.download(fileID)
  if (!content) throw new Error(`no file ${fileID}`)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(content as unknown as ArrayBuffer)
  return wb
}
const values = (sheet: ExcelJS.Worksheet) => {
  const out: unknown[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null)
  })
  return out
}

describe('exports', () => {
  it('附件2 as the notice lays it out, cell by cell, with formula text defused, and audited', async () => {
    const r = await cloud.call(ADMINS.city, 'spreadsheet.exportRoster', { teamId: CITY })
    const file = await expectOk(Promise.resolve(r))
    expect(file).toMatchObject({ rows: 7, fileName: expect.stringMatching(/^附件2_.*\.xlsx$/) })
    const sheet = (await readBack(file.fileID)).worksheets[0]
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).split('-').map(Number)
    expect(values(sheet)).toEqual([
      ['科技志愿者支队基本情况表', null, null, null, null].map((v, i) => (i === 0 ? v : '科技志愿者支队基本情况表')),
      [
        '单位：湖南省科技志愿者益阳市支队',
        '单位：湖南省科技志愿者益阳市支队',
        '单位：湖南省科技志愿者益阳市支队',
        `填报日期：${today[0]}年${today[1]}月${today[2]}日`,
        `填报日期：${today[0]}年${today[1]}月${today[2]}日`,
      ],
      ['序号', '志愿者姓名', '性别', '单位', '职务/职称'],
      [1, '赵一', '男', '赫山区科协', '干事'],
      [2, '孙三', '男', '益阳市中心医院', '主任医师'],
      [3, '钱二', '女', '龙光桥街道', '农技员'],
      [4, '郑七', '男', '安化县农业农村局', '农艺师'],
      [5, '李四', '女', '益阳市第一医院', null],
      [6, '吴六', '女', '市妇幼保健院', '护士'],
      [7, '王九', '男', "'=cmd|calc", "'@SUM(A1:A2)"],
      Array(5).fill('注：此表由市级学会、区县（市）科协填写（9月18日前报送）'),
    ])
    expect(sheet.model.merges.sort()).toEqual(['A11:E11', 'A1:E1', 'A2:C2', 'D2:E2'].sort())
    expect(sheet.columns.map((c) => c.width)).toEqual([8, 14, 8, 36, 22])
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', printTitlesRow: '3:3' })
    expect(sheet.getCell('B4').border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' } })
    // No cell starts with a formula character, and none is a formula.
    sheet.eachRow((row) =>
      row.eachCell((c) => {
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula)
        expect(String(c.value)).not.toMatch(/^[=+\-@]/)
      }),
    )
    const audit = cloud.cloud.store.find('audit_logs', { action: 'export', target: CITY })
    expect(audit).toEqual([expect.objectContaining({ by: ADMINS.city, detail: 'roster rows 7' })])
  })

  it('附件3 as the notice lays it out, and every figure on the second sheet', async () => {
    const form = await expectOk(statistics(ADMINS.heshan, HESHAN))
    const file = await expectOk(
      cloud.call(ADMINS.heshan, 'spreadsheet.exportStatistics', { teamId: HESHAN, periodId: PERIOD }),
    )
    const wb = await readBack(file.fileID)
    const [sheet, detail] = wb.worksheets
    const sections = statisticsSections(form)
    const today = form.date.split('-').map(Number)
    expect(values(sheet)).toEqual([
      ['科技志愿服务活动情况统计表', '科技志愿服务活动情况统计表'],
      Array(2).fill(`填报单位（公章）：赫山区科技志愿者队        填报日期：${today[0]}年${today[1]}月${today[2]}日`),
      ['志愿队伍', '已建立（4）人的科技志愿支队：\n本区县（市）已建立（2）支科技志愿者队，人数（4）人。'],
      ['志愿活动', sections[1].text],
      [
        '志愿活动',
        '（列举1-2项亮点活动，写明活动名称、时间、地点、参与服务专家和受众人数、服务内容、服务效果等）：\n' +
          '1. 活动f-a1；时间：2023年3月1日；地点：f-a1的地点；参与服务专家3人次，受众120人次；服务内容：防灾减灾科普讲座；服务效果：群众反响热烈。',
      ],
      [
        '服务阵地',
        '流动科技馆巡展（3）次，是否在全县基本覆盖（是）；\n科普大篷车巡展（0）次，是否在全县基本覆盖（否）。',
      ],
      [
        '科技惠民(农)',
        '开展农村重点人群科学素质培训培育（3）次，培训（150）人次；组织参加2023年全国农民科学素质网络知识竞赛（12）人次，组织参加2023年湖南省科学素质网络大赛（  ）人次。',
      ],
      [
        '网络动员',
        '已建立（4）人的科普中国信息员队伍，2023年以来共分享“科普中国”文章（45）篇，平均每人（11.3）篇；分享“科普湖南”文章（  ）篇，平均每人（  ）篇。',
      ],
      Array(2).fill('注：此表由市级学会、区县（市）科协填写（12月10日前报送）'),
    ])
    expect(sheet.model.merges.sort()).toEqual(['A1:B1', 'A2:B2', 'A4:A5', 'A9:B9'].sort())
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait' })
    const figures = values(detail)
    expect(figures[0]).toEqual(['项目', '数值'])
    expect(Object.fromEntries(figures.slice(1).map(([k, v]) => [k, v]))).toMatchObject({
      科技志愿支队人数: 4,
      '活动总数（次）': 2,
      科普报告: 1,
      农技服务: 1,
      '参与服务的专家（人次）': 5,
      '接受服务的群众（人次）': 120,
      '流动科技馆巡展（次）': 3,
      流动科技馆巡展全县基本覆盖: '是',
      '湖南省科学素质网络大赛（人次）': null,
      '“科普中国”平均每人（篇）': 11.3,
      '“科普湖南”平均每人（篇）': null,
    })
  })
})

describe('filing', () => {
  it('freezes a snapshot with who and when, keeps the history, and turns the deadline to 已完成', async () => {
    const before = await expectOk(cloud.call(ADMINS.heshan, 'team.page', { teamId: HESHAN }))
    expect(before.period?.id).toBe(PERIOD)
    expect(before.period?.deadlines.find((d) => d.key === 'statistics')?.state).not.toBe('done')
    const first = await expectOk(
      cloud.call(ADMINS.heshan, 'report.file', { teamId: HESHAN, periodId: PERIOD, form: 'statistics' }),
    )
    expect(first).toMatchObject({ version: 1, by: ADMINS.heshan, form: 'statistics' })
    expect(first.statistics?.activities.total).toBe(2)
    // A later change does not touch what was filed.
    cloud.cloud.store.update('activities', { _id: 'f-a1' }, { $set: { peopleServed: 999 } })
    const second = await expectOk(
      cloud.call(ADMINS.heshan, 'report.file', { teamId: HESHAN, periodId: PERIOD, form: 'statistics' }),
    )
    expect(second.version).toBe(2)
    expect(second.statistics?.activities.served).toBe(999)
    const history = await expectOk(cloud.call(ADMINS.heshan, 'report.filings', { teamId: HESHAN, periodId: PERIOD }))
    expect(history.map((h) => [h.version, h.statistics?.activities.served])).toEqual([
      [2, 999],
      [1, 120],
    ])
    const roster = await expectOk(
      cloud.call(ADMINS.heshan, 'report.file', { teamId: HESHAN, periodId: PERIOD, form: 'roster' }),
    )
    expect(roster).toMatchObject({ version: 1, rows: 4 })
    const after = await expectOk(cloud.call(ADMINS.heshan, 'team.page', { teamId: HESHAN }))
    expect(Object.fromEntries(after.period!.deadlines.map((d) => [d.key, d.state]))).toMatchObject({
      roster: 'done',
      statistics: 'done',
    })
    const status = await expectOk(cloud.call(ADMINS.city, 'report.filingStatus', { teamId: CITY, periodId: PERIOD }))
    const heshan = status.find((s) => s.team.id === HESHAN)!
    expect(heshan.latest.statistics?.version).toBe(2)
    expect(heshan.latest.roster?.version).toBe(1)
    expect(status.find((s) => s.team.id === MEDICAL)!.latest).toEqual({ roster: null, statistics: null })
    expect(cloud.cloud.store.find('audit_logs', { action: 'file' })).toHaveLength(3)
    cloud.cloud.store.update('activities', { _id: 'f-a1' }, { $set: { peopleServed: 120 } })
  })
})

describe('服务记录证明', () => {
  it('lists scanned and 补录 hours apart for the issuing team, logs the issue, and its code verifies', async () => {
    const issuers = await expectOk(cloud.call('f-p3', 'report.certificateIssuers', {}))
    expect(issuers.map((t) => t.id).sort()).toEqual([HESHAN, MEDICAL, TOWN].sort())
    const c = await expectOk(cloud.call('f-p3', 'report.certificate', { teamId: HESHAN }))
    // 赫山 certifies its own f-a1 and its township's f-a2; not 医学会's f-a6 nor the cancelled sign-up.
    expect(c).toMatchObject({
      name: '孙三',
      issuer: { id: HESHAN },
      rows: [
        { activityId: 'f-a1', date: '2023-03-01', scannedHours: 2.5, makeupHours: 0 },
        { activityId: 'f-a2', date: '2023-11-30', scannedHours: 0.8, makeupHours: 0.5 },
      ],
      totalScannedHours: 3.3,
      totalMakeupHours: 0.5,
      totalHours: 3.8,
    })
    expect(c.serial).toMatch(/^ZM\d{8}[A-Z2-7]{8}$/)
    expect(cloud.cloud.store.find('audit_logs', { action: 'certificate', target: c.serial })).toHaveLength(1)
    const ok = await cloud.call('wx-anyone', 'report.verifyCertificate', {
      serial: c.serial,
      code: c.code.toLowerCase(),
    })
    expect(ok).toMatchObject({ ok: true, data: { valid: true, nameMasked: '孙*', totalHours: 3.8, rows: 2 } })
    expect(ok.dbRequests).toBe(1)
    const wrong = c.code[0] === 'A' ? `B${c.code.slice(1)}` : `A${c.code.slice(1)}`
    expect(await cloud.call('wx-anyone', 'report.verifyCertificate', { serial: c.serial, code: wrong })).toMatchObject({
      ok: true,
      data: { valid: false, nameMasked: null },
    })
    // A stored certificate altered afterwards no longer matches its code.
    cloud.cloud.store.update('certificates', { _id: c.serial }, { $set: { totalScannedMinutes: 600 } })
    expect(await cloud.call('wx-anyone', 'report.verifyCertificate', { serial: c.serial, code: c.code })).toMatchObject(
      {
        ok: true,
        data: { valid: false },
      },
    )
  })

  it('refuses a team with no records of the caller, and writes nothing', async () => {
    const before = cloud.cloud.store.find('certificates').length
    expect(await cloud.call('f-p3', 'report.certificate', { teamId: ANHUA })).toMatchObject({
      ok: false,
      code: 'NO_SERVICE_RECORDS',
    })
    expect(cloud.cloud.store.find('certificates')).toHaveLength(before)
  })
})
