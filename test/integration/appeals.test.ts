/**
 * 申诉 after it is filed: an administrator in scope reveals the appellant's mobile (audited) and
 * closes the appeal once, with its outcome and note; the appellant finds the outcome on 我的.
 */
import type { AppealItem, MeView, Page } from '../../types/api'
import { makeIdNumber, validRegistration } from '../support/fixtures'
import { expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'
import { snapshot } from '../support/snapshot'

jest.setTimeout(60_000)

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 60_000)
afterAll(() => cloud?.close())

let seq = 700
/** A registration in 赫山区 and an appeal about its ID number by someone else; answers the appeal's id. */
async function appealInHeshan(): Promise<{ id: string; appellant: string; mobile: string }> {
  seq += 2
  const holder = `wx-appeal-holder-${seq}`
  const data = validRegistration({
    idNumber: makeIdNumber('19770303', seq + 1),
    mobile: `136${String(seq).padStart(8, '0')}`,
  })
  await expectOk(cloud.call(holder, 'volunteer.register', data))
  const appellant = `wx-appellant-${seq}`
  const mobile = `135${String(seq).padStart(8, '0')}`
  await expectOk(
    cloud.call(appellant, 'volunteer.appeal', {
      name: '李明',
      idNumber: data.idNumber,
      mobile,
      note: '这是我本人的身份证号',
    }),
  )
  return { id: cloud.cloud.store.find('appeals', { openid: appellant })[0]._id as string, appellant, mobile }
}

/** Every open appeal the caller sees, page by page. */
async function openIds(openid: string): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | undefined
  do {
    const p = await expectOk<Page<AppealItem>>(cloud.call(openid, 'admin.appeals', { cursor, limit: 50 }))
    ids.push(...p.items.map((a) => a.id))
    cursor = p.nextCursor ?? undefined
  } while (cursor)
  return ids
}

describe('closing an appeal', () => {
  it('closes once with outcome and note, audited, leaves the open list and tells the appellant', async () => {
    const a = await appealInHeshan()
    expect(await openIds('demo-heshan-admin')).toContain(a.id)
    const r = await cloud.call('demo-heshan-admin', 'admin.closeAppeal', {
      appealId: a.id,
      outcome: 'voided',
      note: '已核实为冒用，注册已作废',
    })
    expect(r).toMatchObject({ ok: true, data: { appealId: a.id, outcome: 'voided' } })
    // The appeal, its read and the caller's grants; the update, the audit entry, the notice.
    expect(r.dbRequests).toBeLessThanOrEqual(5)
    expect(cloud.cloud.store.find('appeals', { _id: a.id })[0]).toMatchObject({
      status: 'closed',
      closed: { by: 'demo-heshan-admin', outcome: 'voided', note: '已核实为冒用，注册已作废' },
    })
    expect(cloud.cloud.store.find('audit_logs', { action: 'appeal_closed', target: a.id })).toEqual([
      expect.objectContaining({
        by: 'demo-heshan-admin',
        detail: 'voided',
        teamPath: expect.arrayContaining(['team-heshan']),
      }),
    ])
    expect(await openIds('demo-heshan-admin')).not.toContain(a.id)
    expect(await openIds('demo-owner')).not.toContain(a.id)
    const me = await expectOk<MeView>(cloud.call(a.appellant, 'volunteer.me', {}))
    expect(me.notices[0]).toMatchObject({ title: '申诉处理结果' })
    expect(me.notices[0].body).toContain('已作废冒用注册')
    expect(me.notices[0].body).toContain('已核实为冒用，注册已作废')
    expect(me.notices[0].body).not.toContain(a.mobile)
  })

  // The service reads no status before the update: this exercises the update's condition itself.
  it('refuses a second close with CONFLICT and writes nothing', async () => {
    const a = await appealInHeshan()
    await expectOk(
      cloud.call('demo-heshan-admin', 'admin.closeAppeal', { appealId: a.id, outcome: 'confirmed', note: '注册属实' }),
    )
    const before = snapshot(cloud)
    const again = await cloud.call('demo-owner', 'admin.closeAppeal', {
      appealId: a.id,
      outcome: 'other',
      note: '重复处理',
    })
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', message: '该申诉已处理，请刷新列表' })
    expect(snapshot(cloud)).toBe(before)
  })

  it('lets exactly one of two simultaneous closes win', async () => {
    const a = await appealInHeshan()
    const close = (openid: string) =>
      cloud.call(openid, 'admin.closeAppeal', { appealId: a.id, outcome: 'other', note: '已电话联系本人' })
    const rs = await Promise.all([close('demo-heshan-admin'), close('demo-city-admin')])
    expect(rs.filter((r) => r.ok)).toHaveLength(1)
    expect(rs.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'CONFLICT' })])
    expect(cloud.cloud.store.find('audit_logs', { action: 'appeal_closed', target: a.id })).toHaveLength(1)
    expect(cloud.cloud.store.find('messages', { openid: a.appellant })).toHaveLength(1)
  })

  it('refuses an administrator out of scope and writes nothing', async () => {
    const a = await appealInHeshan()
    const before = snapshot(cloud)
    for (const r of [
      await cloud.call('demo-medical-admin', 'admin.closeAppeal', {
        appealId: a.id,
        outcome: 'voided',
        note: '越权关闭',
      }),
      await cloud.call('demo-medical-admin', 'admin.revealAppeal', { appealId: a.id }),
    ])
      expect(r).toMatchObject({ ok: false, code: 'NOT_IN_SCOPE', message: '该申诉不在您的管理范围内' })
    for (const who of ['demo-organizer', 'demo-active', 'wx-appeal-stranger'])
      expect(
        await cloud.call(who, 'admin.closeAppeal', { appealId: a.id, outcome: 'voided', note: '越权关闭' }),
      ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(snapshot(cloud)).toBe(before)
  })

  it('refuses bad input with a clear message and writes nothing', async () => {
    const a = await appealInHeshan()
    const before = snapshot(cloud)
    const bad = [
      [{ appealId: a.id, outcome: 'deleted', note: '说明文字' }, 'outcome', '请选择处理结果'],
      [{ appealId: a.id, outcome: 'other', note: ' ' }, 'note', '请填写处理说明'],
      [{ appealId: a.id, outcome: 'other', note: '说'.repeat(201) }, 'note', '处理说明不超过 200 个字'],
      [{ appealId: a.id, outcome: 'other', note: '说明\u202e文字' }, 'note', '处理说明含有不可见字符'],
      [{ appealId: { $ne: null }, outcome: 'other', note: '说明文字' }, 'appealId', undefined],
    ] as const
    for (const [data, field, message] of bad) {
      const r = (await cloud.raw('demo-owner', 'admin', { action: 'closeAppeal', data })) as Record<string, unknown>
      expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', field })
      if (message) expect(r.message).toBe(message)
    }
    expect(
      await cloud.call('demo-owner', 'admin.closeAppeal', {
        appealId: 'no-such-appeal',
        outcome: 'other',
        note: '说明文字',
      }),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '该申诉不存在' })
    expect(snapshot(cloud)).toBe(before)
  })
})

describe('revealing an appellant’s mobile', () => {
  it('shows the full number to an administrator in scope, audited before it leaves, never in the log', async () => {
    const a = await appealInHeshan()
    const logged: string[] = []
    const spies = (['log', 'info', 'warn', 'error'] as const).map((k) =>
      jest.spyOn(console, k).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
    )
    const r = await cloud.call('demo-heshan-admin', 'admin.revealAppeal', { appealId: a.id })
    spies.forEach((s) => s.mockRestore())
    expect(r).toMatchObject({ ok: true, data: { value: a.mobile } })
    // Grants, the appeal, the audit entry.
    expect(r.dbRequests).toBeLessThanOrEqual(3)
    expect(cloud.cloud.store.find('audit_logs', { action: 'reveal', target: a.id })).toEqual([
      expect.objectContaining({ by: 'demo-heshan-admin', detail: 'appeal mobile' }),
    ])
    expect(logged.join('\n')).not.toContain(a.mobile)
    expect(JSON.stringify(cloud.cloud.store.find('appeals', { _id: a.id }))).not.toContain(a.mobile)
  })
})

describe('the open list', () => {
  it('pages newest first with a cursor, every open appeal in scope once, one indexed read a page', async () => {
    const made = [await appealInHeshan(), await appealInHeshan(), await appealInHeshan()]
    await expectOk(
      cloud.call('demo-heshan-admin', 'admin.closeAppeal', { appealId: made[1].id, outcome: 'other', note: '已处理' }),
    )
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const r = await cloud.call('demo-heshan-admin', 'admin.appeals', { cursor, limit: 2 })
      if (!r.ok) throw new Error(r.message)
      // The page itself (the caller's grants are cached in a warm instance).
      expect(r.dbRequests).toBeLessThanOrEqual(2)
      // Served by status_team_time: no more documents examined than the page and its look-ahead row.
      expect(r.docsExamined).toBeLessThanOrEqual(3 + 1)
      seen.push(...r.data.items.map((a) => a.id))
      cursor = r.data.nextCursor ?? undefined
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toEqual(expect.arrayContaining([made[0].id, made[2].id]))
    expect(seen).not.toContain(made[1].id)
    expect(seen.indexOf(made[2].id)).toBeLessThan(seen.indexOf(made[0].id))
    expect(await cloud.call('demo-heshan-admin', 'admin.appeals', { cursor: 'garbage' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })
})
