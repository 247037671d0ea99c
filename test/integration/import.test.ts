/** 集体注册 through the local cloud: template, preview, import, claim, idempotent re-import. */
import type { ImportPreview, ImportResult, MeView } from '../../types/api'
import { makeIdNumber, nthIdNumber } from '../support/fixtures'
import { goodRow, rosterFile } from '../support/roster-file'
import { expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'
import ExcelJS from 'exceljs'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 60_000)
afterAll(() => cloud?.close())

it('serves a template an office worker can open, with the header the import expects', async () => {
  const { url } = await expectOk<{ fileID: string; url: string }>(
    cloud.call('demo-medical-admin', 'spreadsheet.importTemplate', {}),
  )
  const res = await fetch(url)
  expect(res.status).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(await res.arrayBuffer())
  expect(wb.worksheets.map((w) => w.name)).toEqual(['集体注册', '填写说明'])
  expect(wb.worksheets[0].getRow(1).getCell(3).text).toBe('身份证号')
})

describe('import', () => {
  const ids = [1, 3, 5].map((s) => makeIdNumber('19750505', s))
  let fileID: string
  let rows: Parameters<typeof rosterFile>[0]

  beforeAll(async () => {
    rows = [
      goodRow(1, ids[0]),
      goodRow(2, ids[1]),
      { ...goodRow(3, ids[2]), mobile: 'bad' }, // invalid
      goodRow(4, ids[0]), // duplicate of row 2 in the file
      { ...goodRow(5, makeIdNumber('19820915', 64, '430903')) }, // the seeded 刘洋 (already a member of 医学会)
    ]
    fileID = await cloud.uploadRoster('demo-medical-admin', 'team-medical', await rosterFile(rows))
  })

  it('previews row by row with the same checks as registration, writing nothing', async () => {
    const before = cloud.cloud.store.find('volunteers').length
    const p = await expectOk<ImportPreview>(
      cloud.call('demo-medical-admin', 'spreadsheet.importPreview', { teamId: 'team-medical', fileID }),
    )
    expect(p.rows.map((r) => [r.row, r.outcome])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'member'],
    ])
    expect(p.rows[2].errors).toContain('手机号格式不正确')
    expect(p.rows[3].errors).toEqual(['与第 2 行的身份证号重复'])
    expect(p.counts).toEqual({ new: 2, member: 1, invited: 0, invalid: 2 })
    expect(p.rows[0].idNumberMasked).toMatch(/^\d{3}\*{11}/)
    expect(cloud.cloud.store.find('volunteers')).toHaveLength(before)
  })

  it('imports the valid rows as 待激活 with codes; re-importing creates no duplicates and re-issues the codes', async () => {
    const r = await expectOk<ImportResult>(
      cloud.call('demo-medical-admin', 'spreadsheet.importCommit', { teamId: 'team-medical', fileID }),
    )
    expect(r.counts.new).toBe(2)
    expect(r.codes.map((c) => c.row)).toEqual([2, 3])
    expect(r.codes.every((c) => /^\d{6}$/.test(c.code))).toBe(true)
    const stored = cloud.cloud.store.find('volunteers', { status: 'approved', 'team.id': 'team-medical' })
    expect(stored.length).toBeGreaterThanOrEqual(2)

    // The committed roster was deleted; the administrator uploads the same file again.
    expect(cloud.cloud.store.find('uploads')).toEqual([])
    fileID = await cloud.uploadRoster('demo-medical-admin', 'team-medical', await rosterFile(rows))
    const again = await expectOk<ImportResult>(
      cloud.call('demo-medical-admin', 'spreadsheet.importCommit', { teamId: 'team-medical', fileID }),
    )
    // Still unclaimed: committing again issues new codes (the first ones stop working).
    expect(again.counts).toEqual({ new: 2, member: 1, invited: 0, invalid: 2 })
    expect(again.codes.map((c) => c.row)).toEqual([2, 3])
    expect(cloud.cloud.store.find('volunteers', { status: 'approved', 'team.id': 'team-medical' })).toHaveLength(
      stored.length,
    )
  })

  it('lets an imported person claim their record with ID number and code', async () => {
    const first = await expectOk<ImportResult>(
      cloud.call('demo-medical-admin', 'spreadsheet.importCommit', {
        teamId: 'team-medical',
        fileID: await cloud.uploadRoster(
          'demo-medical-admin',
          'team-medical',
          await rosterFile([goodRow(9, makeIdNumber('19660606', 7))]),
        ),
      }),
    )
    const { code } = first.codes[0]
    expect(
      await cloud.call('wx-claimer', 'volunteer.claim', {
        idNumber: makeIdNumber('19660606', 7),
        code: code === '000000' ? '111111' : '000000',
      }),
    ).toMatchObject({
      ok: false,
      code: 'CODE_INVALID',
    })
    const me = await expectOk<MeView>(
      cloud.call('wx-claimer', 'volunteer.claim', { idNumber: makeIdNumber('19660606', 7), code }),
    )
    expect(me).toMatchObject({ status: 'active', team: { id: 'team-medical' } })
    expect(
      await cloud.call('wx-someone-else', 'volunteer.claim', { idNumber: makeIdNumber('19660606', 7), code }),
    ).toMatchObject({
      ok: false,
      code: 'CODE_INVALID',
    })
  })

  it('re-issues only what is still unclaimed when a claim races a re-import: exactly one code works', async () => {
    const idNumber = makeIdNumber('19670707', 9)
    const upload = async () =>
      cloud.uploadRoster('demo-medical-admin', 'team-medical', await rosterFile([goodRow(11, idNumber)]))
    const first = await expectOk<ImportResult>(
      cloud.call('demo-medical-admin', 'spreadsheet.importCommit', { teamId: 'team-medical', fileID: await upload() }),
    )
    const fileID = await upload()
    const [claim, again] = await Promise.all([
      cloud.call('wx-racer', 'volunteer.claim', { idNumber, code: first.codes[0].code }),
      expectOk<ImportResult>(
        cloud.call('demo-medical-admin', 'spreadsheet.importCommit', { teamId: 'team-medical', fileID }),
      ),
    ])
    if (claim.ok) {
      // The claim landed first: its activation is the person's, and the re-import handed out no code for it.
      expect(again.codes).toEqual([])
    } else {
      // The re-import landed first: the old code stopped working, the new one claims the record.
      expect(claim).toMatchObject({ code: 'CODE_INVALID' })
      expect(again.codes).toHaveLength(1)
      await expectOk(cloud.call('wx-racer', 'volunteer.claim', { idNumber, code: again.codes[0].code }))
    }
    const owned = cloud.cloud.store.find('volunteers', { openid: 'wx-racer' })
    expect(owned).toMatchObject([{ status: 'active', team: { id: 'team-medical' } }])
  })

  it('invites an activated volunteer of another team, who joins only on accepting under 我的', async () => {
    // 赵强 (demo-organizer) is an activated member of 赫山区; the 医学会 imports him too.
    const file = await cloud.uploadRoster(
      'demo-medical-admin',
      'team-medical',
      await rosterFile([goodRow(10, makeIdNumber('19751101', 81))]),
    )
    const preview = await expectOk<ImportPreview>(
      cloud.call('demo-medical-admin', 'spreadsheet.importPreview', { teamId: 'team-medical', fileID: file }),
    )
    expect(preview.counts).toEqual({ new: 1, member: 0, invited: 0, invalid: 0 })
    const r = await expectOk<ImportResult>(
      cloud.call('demo-medical-admin', 'spreadsheet.importCommit', { teamId: 'team-medical', fileID: file }),
    )
    expect(r.counts.invited).toBe(1)
    expect(r.codes).toEqual([])
    const teamsOf = () =>
      cloud.cloud.store
        .find('memberships', { openid: 'demo-organizer', status: 'active' })
        .map((m) => m.teamId)
        .sort()
    expect(teamsOf()).toEqual(['team-heshan'])
    const me = await expectOk<MeView>(cloud.call('demo-organizer', 'volunteer.me', {}))
    expect(me.invitations).toEqual([{ team: expect.objectContaining({ id: 'team-medical' }), at: expect.any(String) }])
    await expectOk(cloud.call('demo-organizer', 'volunteer.acceptInvitation', { teamId: 'team-medical' }))
    expect(teamsOf()).toEqual(['team-heshan', 'team-medical'])
    expect(cloud.cloud.store.find('volunteers', { openid: 'demo-organizer' })[0].memberOf).toEqual(
      expect.arrayContaining(['team-city', 'team-heshan', 'team-medical']),
    )
    const reupload = await cloud.uploadRoster(
      'demo-medical-admin',
      'team-medical',
      await rosterFile([goodRow(10, makeIdNumber('19751101', 81))]),
    )
    const again = await expectOk<ImportPreview>(
      cloud.call('demo-medical-admin', 'spreadsheet.importPreview', { teamId: 'team-medical', fileID: reupload }),
    )
    expect(again.counts.member).toBe(1)
  })

  it('refuses a team outside the administrator’s scope', async () => {
    expect(
      await cloud.call('demo-heshan-admin', 'spreadsheet.importCommit', { teamId: 'team-medical', fileID }),
    ).toMatchObject({ ok: false, code: 'NOT_IN_SCOPE' })
  })
})

it('imports 500 rows with a fixed, small number of database requests', async () => {
  const rows = Array.from({ length: 500 }, (_, i) => goodRow(1000 + i, nthIdNumber(7000 + i)))
  const fileID = await cloud.uploadRoster('demo-owner', 'team-anhua', await rosterFile(rows))
  // Grants read afresh, not kept from earlier calls (core/role-cache.ts).
  cloud.cloud.recycle('spreadsheet')
  const r = await cloud.call('demo-owner', 'spreadsheet.importCommit', { teamId: 'team-anhua', fileID })
  if (!r.ok) throw new Error(r.message)
  expect(r.data.counts.new).toBe(500)
  // roles, team, upload noted, existing by ID hash (none, so no membership look-up), audit,
  // 5 inserts of 100, roster deleted from storage, upload note removed
  expect(r.dbRequests).toBe(11)
})
