/**
 * 附件2 for a reporting period: the members as of the period's end (report-rules.ts `rosterAsOf`),
 * in the preview and the export, worked out by hand on the forms' fixture plus three people who
 * joined 赫山 near and after the period's end (2023-11-30).
 */
import ExcelJS from 'exceljs'
import { demoTeams } from '../../emulator/seed'
import { expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'
import { ADMINS, HESHAN, loadFormsFixture, MEDICAL, PERIOD, recountFixture, TOWN } from '../support/forms-fixture'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
  loadFormsFixture(cloud)
  const store = cloud.cloud.store
  const path = (id: string) => demoTeams.find((t) => t._id === id)!.path
  const late: [string, string, string, [string, string][]][] = [
    // Joined the township on the period's last evening, 23:59 China time: listed.
    ['f-p11', '陈十一', '龙光桥街道', [[TOWN, '2023-11-30T23:59:00+08:00']]],
    // Joined 赫山 the first minute after the period: listed now only.
    ['f-p10', '褚十', '赫山区农业农村局', [[HESHAN, '2023-12-01T00:00:00+08:00']]],
    // Joined 赫山 in the period and the township after it: listed once, at the earlier date.
    [
      'f-p12',
      '冯十二',
      '赫山区人民医院',
      [
        [TOWN, '2023-12-05T08:00:00+08:00'],
        [HESHAN, '2023-11-01T08:00:00+08:00'],
      ],
    ],
  ]
  store.insert(
    'volunteers',
    late.map(([openid, name, employer, m]) => ({
      _id: `vol-${openid}`,
      openid,
      status: 'active',
      name,
      gender: 'female',
      idNumberHash: `hash-${openid}`,
      employer,
      position: '',
      team: { id: m[0][0], name: '', kind: 'county' },
      teamPath: path(m[0][0]),
      memberOf: [...new Set(m.flatMap(([teamId]) => path(teamId)))],
    })),
  )
  store.insert(
    'memberships',
    late.flatMap(([openid, , , m]) =>
      m.map(([teamId, since], i) => ({
        _id: `${openid}_${teamId}`,
        openid,
        teamId,
        teamPath: path(teamId),
        status: 'active',
        primary: i === 0,
        since: new Date(since),
      })),
    ),
  )
  recountFixture(cloud)
}, 60_000)
afterAll(() => cloud?.close())
jest.setTimeout(60_000)

const names = (r: { page: { items: { no: number; name: string }[] } }) => r.page.items.map((x) => `${x.no}${x.name}`)

describe('附件2 as of a period’s end', () => {
  it('lists who had joined by the end of the last day, in first-joined order; now lists everyone', async () => {
    const now = await expectOk(cloud.call(ADMINS.heshan, 'report.roster', { teamId: HESHAN, limit: 50 }))
    expect([now.total, now.asOf]).toEqual([7, null])
    expect(names(now)).toEqual(['1赵*', '2钱*', '3郑*', '4孙*', '5冯**', '6陈**', '7褚*'])
    const r = await cloud.call(ADMINS.heshan, 'report.roster', { teamId: HESHAN, periodId: PERIOD, limit: 50 })
    const then = await expectOk(Promise.resolve(r))
    // 褚十 joined after the end; 冯十二 counts from 2023-11-01 (赫山), not from the township after it.
    expect([then.total, then.asOf]).toEqual([6, '2023-11-30'])
    expect(names(then)).toEqual(['1赵*', '2钱*', '3郑*', '4孙*', '5冯**', '6陈**'])
    // Roles, the tree, periods, members counted, the memberships' page, first memberships, the people.
    expect(r.dbRequests).toBeLessThanOrEqual(7)
  })

  it('pages the period’s roster with the same rule', async () => {
    const p1 = await expectOk(
      cloud.call(ADMINS.heshan, 'report.roster', { teamId: HESHAN, periodId: PERIOD, limit: 4 }),
    )
    expect(names(p1)).toEqual(['1赵*', '2钱*', '3郑*', '4孙*'])
    const p2 = await expectOk(
      cloud.call(ADMINS.heshan, 'report.roster', {
        teamId: HESHAN,
        periodId: PERIOD,
        limit: 4,
        cursor: p1.page.nextCursor!,
      }),
    )
    expect(names(p2)).toEqual(['5冯**', '6陈**'])
    expect(p2.page.nextCursor).toBeNull()
  })

  it('exports the period’s roster cell by cell, saying as of when, and audits it', async () => {
    const file = await expectOk(
      cloud.call(ADMINS.heshan, 'spreadsheet.exportRoster', { teamId: HESHAN, periodId: PERIOD }),
    )
    expect(file.rows).toBe(6)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(cloud.cloud.storage.download(file.fileID) as unknown as ArrayBuffer)
    const sheet = wb.worksheets[0]
    expect(String(sheet.getCell('D2').value)).toMatch(/^填报日期：\d{4}年\d{1,2}月\d{1,2}日（名单截至2023年11月30日）$/)
    const rows: unknown[][] = []
    for (let n = 4; n <= 9; n++) rows.push([1, 2, 3, 4, 5].map((c) => sheet.getRow(n).getCell(c).value ?? null))
    expect(rows).toEqual([
      [1, '赵一', '男', '赫山区科协', '干事'],
      [2, '钱二', '女', '龙光桥街道', '农技员'],
      [3, '郑七', '男', '安化县农业农村局', '农艺师'],
      [4, '孙三', '男', '益阳市中心医院', '主任医师'],
      [5, '冯十二', '女', '赫山区人民医院', null],
      [6, '陈十一', '女', '龙光桥街道', null],
    ])
    expect(String(sheet.getCell('A10').value)).toMatch(/^注：/)
    expect(cloud.cloud.store.find('audit_logs', { action: 'export', target: HESHAN })).toEqual([
      expect.objectContaining({ by: ADMINS.heshan, detail: `roster ${PERIOD} rows 6` }),
    ])
  })

  it('refuses an unknown period or one out of scope, and writes nothing', async () => {
    const before = JSON.stringify(cloud.cloud.store.find('audit_logs'))
    for (const action of ['report.roster', 'spreadsheet.exportRoster'] as const) {
      expect(await cloud.call(ADMINS.heshan, action, { teamId: HESHAN, periodId: 'period-none' })).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
      })
      expect(await cloud.call(ADMINS.heshan, action, { teamId: MEDICAL, periodId: PERIOD })).toMatchObject({
        ok: false,
        code: 'NOT_IN_SCOPE',
      })
      expect(await cloud.call(ADMINS.heshan, action, { teamId: HESHAN, periodId: 3 } as never)).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
      })
    }
    expect(JSON.stringify(cloud.cloud.store.find('audit_logs'))).toBe(before)
  })
})
