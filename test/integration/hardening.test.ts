/**
 * What an attacker (any WeChat account, every `event` field theirs) or a careless day could do to
 * registration, review and activation, each pinned by a test that fails without its guard.
 */
import type { ImportPreview, ImportResult, MeView, ReviewDetail } from '../../types/api'
import { makeIdNumber, nthIdNumber, validRegistration } from '../support/fixtures'
import { goodRow, rosterFile } from '../support/roster-file'
import { codeSentTo, expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'

jest.setTimeout(60_000)

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 60_000)
afterAll(() => cloud?.close())

let seq = 300
function newcomer(over: Parameters<typeof validRegistration>[0] = {}) {
  seq += 2
  const openid = `wx-hard-${seq}`
  const data = validRegistration({
    idNumber: makeIdNumber('19880808', seq + 1),
    mobile: `139${String(seq).padStart(8, '0')}`,
    ...over,
  })
  return { openid, data }
}

/** What the caller sees of an answer (not the local cloud's request accounting). */
const answer = (r: object) => {
  const { ok, code, message, field, data } = r as Record<string, unknown>
  return { ok, code, message, field, data }
}

/** Starts `n` instances of a function before a race, so cold starts on a busy machine do not time it out. */
async function warm(fn: string, n: number) {
  await Promise.all(Array.from({ length: n }, () => cloud.raw('wx-warm', fn, { action: 'me', data: {} })))
}

const idOf = (openid: string): string => cloud.cloud.store.find('volunteers', { openid })[0]._id
const stored = (id: string) => cloud.cloud.store.find('volunteers', { _id: id })[0]

async function registered(over: Parameters<typeof validRegistration>[0] = {}) {
  const p = newcomer(over)
  await expectOk(cloud.call(p.openid, 'volunteer.register', p.data))
  return { ...p, id: idOf(p.openid) }
}

async function approved(over: Parameters<typeof validRegistration>[0] = {}) {
  const p = await registered(over)
  await expectOk(cloud.call('demo-city-admin', 'admin.approve', { items: [{ volunteerId: p.id, revision: 0 }] }))
  return { ...p, code: codeSentTo(cloud, p.openid) }
}

async function activated(over: Parameters<typeof validRegistration>[0] = {}) {
  const p = await approved(over)
  await expectOk(cloud.call(p.openid, 'volunteer.activate', { code: p.code }))
  return p
}

describe('approval applies to what the reviewer saw', () => {
  it('refuses an approval after the volunteer edited the registration, with CONFLICT', async () => {
    const p = await registered()
    const seen = await expectOk<ReviewDetail>(
      cloud.call('demo-heshan-admin', 'admin.reviewDetail', { volunteerId: p.id }),
    )
    await expectOk(cloud.call(p.openid, 'volunteer.update', { ...p.data, name: '李明明' }))
    const r = await cloud.call('demo-heshan-admin', 'admin.approve', {
      items: [{ volunteerId: p.id, revision: seen.revision }],
    })
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT', message: '资料已更新，请重新查看' })
    expect(stored(p.id)).toMatchObject({ status: 'pending', name: '李明明', activation: null })
    const fresh = await expectOk<ReviewDetail>(
      cloud.call('demo-heshan-admin', 'admin.reviewDetail', { volunteerId: p.id }),
    )
    expect(fresh.revision).toBeGreaterThan(seen.revision)
    await expectOk(
      cloud.call('demo-heshan-admin', 'admin.approve', { items: [{ volunteerId: p.id, revision: fresh.revision }] }),
    )
  })

  it('refuses a rejection after an edit the same way', async () => {
    const p = await registered()
    await expectOk(cloud.call(p.openid, 'volunteer.update', { ...p.data, employer: '别的单位' }))
    expect(
      await cloud.call('demo-heshan-admin', 'admin.reject', { volunteerId: p.id, revision: 0, reason: '资料不全' }),
    ).toMatchObject({ ok: false, code: 'CONFLICT', message: '资料已更新，请重新查看' })
    expect(stored(p.id).status).toBe('pending')
  })
})

describe('the activation lock cannot be raced', () => {
  it('evaluates at most five of eight simultaneous codes, and the right code among them is refused once locked', async () => {
    const p = await approved()
    const wrong = p.code === '000000' ? '111111' : '000000'
    await warm('volunteer', 8)
    const results = await Promise.all(
      Array.from({ length: 8 }, () => cloud.call(p.openid, 'volunteer.activate', { code: wrong })),
    )
    const evaluated = results.filter((r) => !r.ok && r.code === 'CODE_INVALID')
    expect(evaluated.length).toBeLessThanOrEqual(5)
    expect(results.filter((r) => !r.ok && r.code === 'CODE_LOCKED').length).toBeGreaterThanOrEqual(3)
    expect(stored(p.id).activation.failures).toBe(5)
    expect(await cloud.call(p.openid, 'volunteer.activate', { code: p.code })).toMatchObject({ code: 'CODE_LOCKED' })
  }, 30_000)

  it('reserves no attempt beyond the limit, tried one after another (no race needed)', async () => {
    const p = await approved()
    const wrong = p.code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 7; i++) await cloud.call(p.openid, 'volunteer.activate', { code: wrong })
    expect(stored(p.id).activation.failures).toBe(5)
  })
})

describe('roles do not outlive membership', () => {
  async function organizer() {
    const p = await activated()
    await expectOk(
      cloud.call('demo-heshan-admin', 'admin.grantRole', {
        volunteerId: p.id,
        role: 'organizer',
        teamId: 'team-heshan',
      }),
    )
    expect(await cloud.call(p.openid, 'team.page', { teamId: 'team-heshan' })).toMatchObject({ ok: true })
    return p
  }

  it('suspends an organizer’s grant after 退出', async () => {
    const p = await organizer()
    await expectOk(cloud.call(p.openid, 'volunteer.leave', {}))
    // At once where the change was made; elsewhere once the warm instance's grants expire (≤ 60 s),
    // which a fresh instance stands for (the expiry itself: core/role-cache.test.ts).
    expect((await expectOk<MeView>(cloud.call(p.openid, 'volunteer.me', {}))).roles).toEqual([])
    cloud.cloud.recycle('team')
    expect(await cloud.call(p.openid, 'team.page', { teamId: 'team-heshan' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect((await expectOk<MeView>(cloud.call(p.openid, 'volunteer.me', {}))).roles).toEqual([])
  })

  it('suspends an administrator’s grant while an identity change is in review, and restores it on activation', async () => {
    const p = await activated()
    await expectOk(
      cloud.call('demo-owner', 'admin.grantRole', { volunteerId: p.id, role: 'admin', teamId: 'team-heshan' }),
    )
    expect(await cloud.call(p.openid, 'admin.reviewQueue', {})).toMatchObject({ ok: true })
    await expectOk(cloud.call(p.openid, 'volunteer.update', { ...p.data, employer: '益阳市第二中学' }))
    // The admin function's warm grants last ≤ 60 s (core/role-cache.ts); a fresh instance stands for later.
    cloud.cloud.recycle('admin')
    expect(await cloud.call(p.openid, 'admin.reviewQueue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // Not even their own change: the grant is gone until they are an active member again.
    expect(await cloud.call(p.openid, 'admin.approve', { items: [{ volunteerId: p.id, revision: 1 }] })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    await expectOk(cloud.call('demo-heshan-admin', 'admin.approve', { items: [{ volunteerId: p.id, revision: 1 }] }))
    await expectOk(cloud.call(p.openid, 'volunteer.activate', { code: codeSentTo(cloud, p.openid) }))
    expect(await cloud.call(p.openid, 'admin.reviewQueue', {})).toMatchObject({ ok: true })
  })

  it('keeps the grants of an administrator with no registration of their own', async () => {
    expect(await cloud.call('demo-heshan-admin', 'admin.reviewQueue', {})).toMatchObject({ ok: true })
  })
})

let imported = 0
/** One person registered by the 医学会 (集体注册): their ID number, record and code. */
async function importedPerson() {
  imported++
  const idNumber = nthIdNumber(9000 + imported * 3)
  const fileID = await cloud.uploadRoster(
    'demo-medical-admin',
    'team-medical',
    await rosterFile([goodRow(imported, idNumber)]),
  )
  const before = new Set(cloud.cloud.store.find('volunteers').map((d) => d._id))
  const r = await expectOk<ImportResult>(
    cloud.call('demo-medical-admin', 'spreadsheet.importCommit', { teamId: 'team-medical', fileID }),
  )
  const [doc] = cloud.cloud.store.find('volunteers').filter((d) => !before.has(d._id))
  return { idNumber, id: doc._id as string, code: r.codes[0].code }
}

describe('claiming neither reveals nor locks', () => {
  it('answers an unknown ID number and an imported one with a wrong code alike', async () => {
    const p = await importedPerson()
    const wrong = p.code === '000000' ? '111111' : '000000'
    const unknown = await cloud.call('wx-prober-1', 'volunteer.claim', {
      idNumber: nthIdNumber(2000, 211),
      code: wrong,
    })
    const known = await cloud.call('wx-prober-2', 'volunteer.claim', { idNumber: p.idNumber, code: wrong })
    expect(unknown).toMatchObject({ ok: false, code: 'CODE_INVALID' })
    expect(answer(known)).toEqual(answer(unknown))
    // A record someone registered themselves is no different either.
    const self = await approved()
    const selfR = await cloud.call('wx-prober-3', 'volunteer.claim', { idNumber: self.data.idNumber, code: wrong })
    expect(answer(selfR)).toEqual(answer(unknown))
  })

  it('slows the stranger down, not the record: its person still claims after many wrong tries', async () => {
    const p = await importedPerson()
    const wrong = p.code === '000000' ? '111111' : '000000'
    const answers = []
    for (let i = 0; i < 12; i++)
      answers.push(await cloud.call('wx-stranger', 'volunteer.claim', { idNumber: p.idNumber, code: wrong }))
    expect(answers.slice(0, 10).every((a) => !a.ok && a.code === 'CODE_INVALID')).toBe(true)
    expect(answers[11]).toMatchObject({ ok: false, code: 'CODE_LOCKED' })
    // Even the right code is refused to a caller who spent the day's attempts.
    expect(await cloud.call('wx-stranger', 'volunteer.claim', { idNumber: p.idNumber, code: p.code })).toMatchObject({
      code: 'CODE_LOCKED',
    })
    expect(stored(p.id).activation.failures).toBe(0)
    const me = await expectOk<MeView>(
      cloud.call('wx-real-person', 'volunteer.claim', { idNumber: p.idNumber, code: p.code }),
    )
    expect(me.status).toBe('active')
  })

  it('gives simultaneous attempts of one caller no more than the day’s allowance', async () => {
    const p = await importedPerson()
    const wrong = p.code === '000000' ? '111111' : '000000'
    const answers = await Promise.all(
      Array.from({ length: 14 }, () =>
        cloud.call('wx-racer', 'volunteer.claim', { idNumber: p.idNumber, code: wrong }),
      ),
    )
    expect(answers.filter((a) => !a.ok && a.code === 'CODE_INVALID').length).toBe(10)
  }, 30_000)

  it('tells a departed volunteer who claims what to do, not INTERNAL', async () => {
    const p = await importedPerson()
    const left = await activated()
    await expectOk(cloud.call(left.openid, 'volunteer.leave', {}))
    expect(await cloud.call(left.openid, 'volunteer.claim', { idNumber: p.idNumber, code: p.code })).toMatchObject({
      ok: false,
      code: 'WRONG_STATE',
    })
    expect(stored(p.id).status).toBe('approved')
  })
})

describe('集体注册 invites, never pulls people in', () => {
  it('previews a number registered in another county exactly like an unknown one', async () => {
    const elsewhere = await activated({ teamId: 'team-anhua' })
    const pending = await registered({ teamId: 'team-anhua' })
    const fresh = nthIdNumber(3000, 203)
    const fileID = await cloud.uploadRoster(
      'demo-medical-admin',
      'team-medical',
      await rosterFile([goodRow(1, elsewhere.data.idNumber), goodRow(1, pending.data.idNumber), goodRow(1, fresh)]),
    )
    const p = await expectOk<ImportPreview>(
      cloud.call('demo-medical-admin', 'spreadsheet.importPreview', { teamId: 'team-medical', fileID }),
    )
    const shape = p.rows.map(({ outcome, errors }) => ({ outcome, errors }))
    expect(shape).toEqual([shape[2], shape[2], shape[2]])
    expect(p.counts).toEqual({ new: 3, member: 0, invited: 0, invalid: 0 })
  })

  it('does not make an activated volunteer of another county a member, nor show them, until they accept', async () => {
    const person = await activated({ teamId: 'team-anhua' })
    const fileID = await cloud.uploadRoster(
      'demo-medical-admin',
      'team-medical',
      await rosterFile([goodRow(1, person.data.idNumber)]),
    )
    const before = await expectOk<{ members: number }>(
      cloud.call('demo-medical-admin', 'team.page', { teamId: 'team-medical' }),
    )
    await expectOk(cloud.call('demo-medical-admin', 'spreadsheet.importCommit', { teamId: 'team-medical', fileID }))
    const listed = async () => {
      const page = await expectOk<{ items: { volunteerId: string }[] }>(
        cloud.call('demo-medical-admin', 'team.members', { teamId: 'team-medical', limit: 50 }),
      )
      return page.items.map((i) => i.volunteerId)
    }
    expect(await listed()).not.toContain(person.id)
    expect(
      (await expectOk<{ members: number }>(cloud.call('demo-medical-admin', 'team.page', { teamId: 'team-medical' })))
        .members,
    ).toBe(before.members)
    const audit = cloud.cloud.store.find('audit_logs', { action: 'invite', target: person.id })
    expect(audit).toEqual([
      expect.objectContaining({ by: 'demo-medical-admin', detail: expect.stringContaining(person.data.name) }),
    ])
    // Declining leaves them out for good; nothing was written to their memberships.
    await expectOk(cloud.call(person.openid, 'volunteer.declineInvitation', { teamId: 'team-medical' }))
    expect(cloud.cloud.store.find('memberships', { openid: person.openid }).map((m) => m.teamId)).toEqual([
      'team-anhua',
    ])
    expect(await cloud.call(person.openid, 'volunteer.acceptInvitation', { teamId: 'team-medical' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(await listed()).not.toContain(person.id)
  })

  it('refuses an invitation key that is not the caller’s own (prototype keys included)', async () => {
    const person = await activated()
    for (const teamId of ['__proto__', 'constructor', 'team-medical'])
      expect(await cloud.call(person.openid, 'volunteer.acceptInvitation', { teamId })).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
      })
  })
})

describe('imported people cannot get stuck', () => {
  it('re-runs a commit cut short by a conflict: audit first, and every row gets a code in the end', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => nthIdNumber(4000 + i, 205))
    const big = await cloud.uploadRoster(
      'demo-medical-admin',
      'team-medical',
      await rosterFile(ids.map((n, i) => goodRow(i, n))),
    )
    // Another administrator imports row 120's person a moment earlier, into another team of theirs.
    const one = await cloud.uploadRoster('demo-owner', 'team-agri', await rosterFile([goodRow(120, ids[120])]))
    await expectOk(cloud.call('demo-owner', 'spreadsheet.importCommit', { teamId: 'team-agri', fileID: one }))
    const audits = () => cloud.cloud.store.find('audit_logs', { action: 'import', target: 'team-medical' }).length
    const before = audits()
    // The same roster committed twice at once (a double tap): the loser's inserts conflict mid-way.
    const [a, b] = await Promise.all([
      cloud.call('demo-medical-admin', 'spreadsheet.importCommit', { teamId: 'team-medical', fileID: big }),
      cloud.call('demo-medical-admin', 'spreadsheet.importCommit', { teamId: 'team-medical', fileID: big }),
    ])
    expect([a, b].some((r) => r.ok)).toBe(true)
    // Each attempt that got as far as writing was audited first, whether it finished or not.
    expect(audits()).toBe(before + [a, b].filter((r) => r.ok || r.code === 'CONFLICT').length)
    for (const r of [a, b]) if (!r.ok) expect(r.code === 'CONFLICT' || r.field === 'fileID').toBe(true)
    // A finished commit deletes the roster; committing it again means uploading it again.
    const again = await expectOk<ImportResult>(
      cloud.call('demo-medical-admin', 'spreadsheet.importCommit', {
        teamId: 'team-medical',
        fileID: await cloud.uploadRoster(
          'demo-medical-admin',
          'team-medical',
          await rosterFile(ids.map((n, i) => goodRow(i, n))),
        ),
      }),
    )
    expect(again.codes).toHaveLength(149)
    expect(again.counts).toEqual({ new: 149, member: 0, invited: 1, invalid: 0 })
  }, 60_000)

  it('shows a re-issued code of an unclaimed record to the administrator, audited, and it works', async () => {
    const p = await importedPerson()
    const r = await expectOk<{ code: string | null }>(
      cloud.call('demo-medical-admin', 'admin.reissueCode', { volunteerId: p.id }),
    )
    expect(r.code).toMatch(/^\d{6}$/)
    expect(cloud.cloud.outbox().filter((m) => m.touser.startsWith('unclaimed:'))).toEqual([])
    expect(
      cloud.cloud.store.find('audit_logs', { action: 'reissue', target: p.id, by: 'demo-medical-admin' }),
    ).toHaveLength(1)
    if (r.code !== p.code)
      expect(await cloud.call('wx-claim-old', 'volunteer.claim', { idNumber: p.idNumber, code: p.code })).toMatchObject(
        {
          code: 'CODE_INVALID',
        },
      )
    expect(
      await expectOk<MeView>(cloud.call('wx-claim-new', 'volunteer.claim', { idNumber: p.idNumber, code: r.code! })),
    ).toMatchObject({
      status: 'active',
    })
  })

  it('lists 待激活 people of the scope, self-registered and imported, with code age and lock state', async () => {
    const self = await approved({ teamId: 'team-medical' })
    const imp = await importedPerson()
    const wrong = self.code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++) await cloud.call(self.openid, 'volunteer.activate', { code: wrong })
    const items: { volunteerId: string; imported: boolean; locked: boolean; codeAgeDays: number | null }[] = []
    let cursor: string | undefined
    do {
      const page = await expectOk<{ items: typeof items; nextCursor: string | null }>(
        cloud.call('demo-medical-admin', 'admin.pendingActivation', { limit: 50, ...(cursor ? { cursor } : {}) }),
      )
      items.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(items.find((i) => i.volunteerId === self.id)).toMatchObject({
      imported: false,
      locked: true,
      codeAgeDays: 0,
    })
    expect(items.find((i) => i.volunteerId === imp.id)).toMatchObject({ imported: true, locked: false })
    // Another county's administrator sees neither.
    const other = await expectOk<{ items: { volunteerId: string }[] }>(
      cloud.call('demo-heshan-admin', 'admin.pendingActivation', { limit: 50 }),
    )
    expect(other.items.map((i) => i.volunteerId)).not.toContain(imp.id)
    expect(await cloud.call('demo-active', 'admin.pendingActivation', {})).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })
})

describe('ID numbers cannot be squatted or probed', () => {
  it('lets an administrator in scope void a false registration, recorded, releasing the number', async () => {
    const squatter = await activated()
    const owner = newcomer({ idNumber: squatter.data.idNumber })
    expect(await cloud.call(owner.openid, 'volunteer.register', owner.data)).toMatchObject({ code: 'ID_NUMBER_TAKEN' })
    expect(
      await cloud.call('demo-medical-admin', 'admin.voidRegistration', {
        volunteerId: squatter.id,
        reason: '冒用他人身份证号',
      }),
    ).toMatchObject({ ok: false, code: 'NOT_IN_SCOPE' })
    await expectOk(
      cloud.call('demo-heshan-admin', 'admin.voidRegistration', {
        volunteerId: squatter.id,
        reason: '冒用他人身份证号',
      }),
    )
    expect(cloud.cloud.store.find('audit_logs', { action: 'void', target: squatter.id })).toHaveLength(1)
    expect(cloud.cloud.store.find('memberships', { openid: squatter.openid, status: 'active' })).toEqual([])
    expect((await expectOk<MeView>(cloud.call(squatter.openid, 'volunteer.me', {}))).status).toBe('left')
    expect(await expectOk<MeView>(cloud.call(owner.openid, 'volunteer.register', owner.data))).toMatchObject({
      status: 'pending',
    })
  })

  it('also releases the number of a rejected registration', async () => {
    const p = await registered()
    await expectOk(
      cloud.call('demo-heshan-admin', 'admin.reject', { volunteerId: p.id, revision: 0, reason: '资料不实' }),
    )
    await expectOk(cloud.call('demo-heshan-admin', 'admin.voidRegistration', { volunteerId: p.id, reason: '资料不实' }))
    const owner = newcomer({ idNumber: p.data.idNumber })
    expect(await cloud.call(owner.openid, 'volunteer.register', owner.data)).toMatchObject({ ok: true })
  })

  it('delivers an appeal to the holder’s team administrators only, answering alike for any number', async () => {
    const holder = await registered()
    const appeal = (idNumber: string, openid: string) =>
      cloud.call(openid, 'volunteer.appeal', {
        name: '李明',
        idNumber,
        mobile: '13900000000',
        note: '这是我本人的身份证号',
      })
    const known = await appeal(holder.data.idNumber, 'wx-appellant-1')
    const unknown = await appeal(nthIdNumber(5000, 207), 'wx-appellant-2')
    expect(answer(known)).toEqual(answer(unknown))
    const seen = (
      await expectOk<{ items: { volunteerId: string | null; mobileMasked: string }[] }>(
        cloud.call('demo-heshan-admin', 'admin.appeals', { limit: 50 }),
      )
    ).items
    expect(seen.filter((a) => a.volunteerId === holder.id)).toEqual([
      expect.objectContaining({ mobileMasked: '139****0000' }),
    ])
    expect(JSON.stringify(seen)).not.toContain('13900000000')
    const other = (
      await expectOk<{ items: { volunteerId: string | null }[] }>(
        cloud.call('demo-medical-admin', 'admin.appeals', { limit: 50 }),
      )
    ).items
    expect(other.map((a) => a.volunteerId)).not.toContain(holder.id)
  })

  it('tells one caller "taken" at most three times a day, with one message, and then tries nothing', async () => {
    const holders = await Promise.all([registered(), registered(), registered(), registered()])
    const prober = 'wx-prober-taken'
    const messages = new Set<string>()
    for (const h of holders.slice(0, 3)) {
      const r = await cloud.call(prober, 'volunteer.register', newcomer({ idNumber: h.data.idNumber }).data)
      expect(r).toMatchObject({ ok: false, code: 'ID_NUMBER_TAKEN' })
      if (!r.ok) messages.add(r.message)
    }
    expect(messages.size).toBe(1)
    expect(
      await cloud.call(prober, 'volunteer.register', newcomer({ idNumber: holders[3].data.idNumber }).data),
    ).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
    })
    // A free number is refused the same way now: the answer no longer tells taken from free.
    const free = newcomer()
    expect(await cloud.call(prober, 'volunteer.register', free.data)).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    expect(cloud.cloud.store.find('volunteers', { openid: prober })).toEqual([])
  })

  it('limits "taken" answers to update the same way', async () => {
    const holders = await Promise.all([registered(), registered(), registered(), registered()])
    const me = await registered()
    for (const h of holders.slice(0, 3))
      expect(await cloud.call(me.openid, 'volunteer.update', { ...me.data, idNumber: h.data.idNumber })).toMatchObject({
        code: 'ID_NUMBER_TAKEN',
      })
    expect(
      await cloud.call(me.openid, 'volunteer.update', { ...me.data, idNumber: holders[3].data.idNumber }),
    ).toMatchObject({
      code: 'RATE_LIMITED',
    })
    // Edits that keep the number are not limited.
    expect(await cloud.call(me.openid, 'volunteer.update', { ...me.data, position: '教研组长' })).toMatchObject({
      ok: true,
    })
  })
})

describe('activation codes are never stored in clear', () => {
  it('keeps the code sealed, shows it only to its owner, opens the activation page with it, and drops it on activation', async () => {
    const p = await approved()
    const everything = () =>
      JSON.stringify(['volunteers', 'messages', 'reviews', 'audit_logs'].map((c) => cloud.cloud.store.find(c)))
    expect(everything()).not.toMatch(new RegExp(`\\b${p.code}\\b`))
    const sent = cloud.cloud
      .outbox()
      .filter((m) => m.touser === p.openid)
      .pop()
    expect(sent?.page).toBe(`packages/volunteer/pages/activate/index?code=${p.code}`)
    expect(JSON.stringify(sent?.data)).not.toContain(p.code)
    const me = await expectOk<MeView>(cloud.call(p.openid, 'volunteer.me', {}))
    expect(me.activationCode).toBe(p.code)
    expect(me.notices[0].body).not.toContain(p.code)
    expect(me.notices[0].body).toContain('激活码')
    const detail = await expectOk(cloud.call('demo-heshan-admin', 'admin.reviewDetail', { volunteerId: p.id }))
    expect(JSON.stringify(detail)).not.toContain(p.code)
    await expectOk(cloud.call(p.openid, 'volunteer.activate', { code: me.activationCode! }))
    expect(stored(p.id).activation).toBeNull()
    expect((await expectOk<MeView>(cloud.call(p.openid, 'volunteer.me', {}))).activationCode).toBeNull()
  })

  it('binds sealed numbers to their record: copied into another record they do not open', async () => {
    const a = await registered()
    const b = await registered()
    cloud.cloud.store.update('volunteers', { _id: b.id }, { $set: { idNumberSealed: stored(a.id).idNumberSealed } })
    expect(
      await cloud.call('demo-heshan-admin', 'admin.reveal', { volunteerId: b.id, field: 'idNumber' }),
    ).toMatchObject({
      ok: false,
      code: 'INTERNAL',
    })
    expect(
      await expectOk(cloud.call('demo-heshan-admin', 'admin.reveal', { volunteerId: a.id, field: 'idNumber' })),
    ).toEqual({ value: a.data.idNumber })
  })
})

describe('masking on every view that shows a person', () => {
  it('never shows the full birth date, ID number or mobile outside the audited reveal', async () => {
    const p = await activated({ idNumber: makeIdNumber('19790423', 411), mobile: '13912345678' })
    await expectOk(
      cloud.call('demo-heshan-admin', 'admin.grantRole', {
        volunteerId: p.id,
        role: 'organizer',
        teamId: 'team-heshan',
      }),
    )
    const q = await registered({ idNumber: makeIdNumber('19790424', 413), mobile: '13912345679' })
    const views = await Promise.all([
      expectOk(cloud.call(p.openid, 'volunteer.me', {})),
      expectOk(cloud.call('demo-heshan-admin', 'admin.reviewDetail', { volunteerId: p.id })),
      expectOk(cloud.call('demo-heshan-admin', 'admin.reviewDetail', { volunteerId: q.id })),
      expectOk(cloud.call('demo-heshan-admin', 'admin.reviewQueue', { limit: 50 })),
      expectOk(cloud.call('demo-heshan-admin', 'team.members', { teamId: 'team-heshan', limit: 50 })),
      expectOk(cloud.call('demo-heshan-admin', 'team.page', { teamId: 'team-heshan' })),
      expectOk(cloud.call('demo-heshan-admin', 'admin.roles', { teamId: 'team-heshan' })),
      expectOk(cloud.call('demo-heshan-admin', 'admin.pendingActivation', { limit: 50 })),
    ])
    const text = JSON.stringify(views)
    for (const secret of [
      p.data.idNumber,
      q.data.idNumber,
      '13912345678',
      '13912345679',
      '1979-04-23',
      '1979-04-24',
      '19790423',
    ])
      expect(text).not.toContain(secret)
    expect(text).toContain('139****5678')
  })
})

describe('the local cloud is not a door for other web pages', () => {
  it('refuses /__dev/call from another origin or under a foreign Host name', async () => {
    const body = JSON.stringify({ openid: 'demo-owner', name: 'volunteer', data: { action: 'me', data: {} } })
    const cross = await fetch(`${cloud.url}/__dev/call`, {
      method: 'POST',
      body,
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
    })
    expect(cross.status).toBe(403)
    const same = await fetch(`${cloud.url}/__dev/call`, { method: 'POST', body, headers: { origin: cloud.url } })
    expect(same.status).toBe(200)
  })
})

describe('names are one spelling, without invisible characters', () => {
  it('refuses control, bidi and zero-width characters in a team name', async () => {
    for (const name of ['赫山\u0000分队', '赫山\u202e分队', '赫山\u200b分队'])
      expect(
        await cloud.call('demo-heshan-admin', 'team.create', { parentId: 'team-heshan', name, kind: 'township' }),
      ).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'name' })
  })

  it('keeps sibling names unique across Unicode forms, widths and spaces, on create and rename', async () => {
    await expectOk(
      cloud.call('demo-heshan-admin', 'team.create', {
        parentId: 'team-heshan',
        name: '会龙山（街道）分队',
        kind: 'township',
      }),
    )
    for (const name of ['会龙山(街道)分队', '会龙山 （街道） 分队'])
      expect(
        await cloud.call('demo-heshan-admin', 'team.create', { parentId: 'team-heshan', name, kind: 'township' }),
      ).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'name' })
    expect(
      await cloud.call('demo-heshan-admin', 'team.rename', {
        teamId: 'team-heshan-longguangqiao',
        name: '会龙山(街道)分队',
      }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'name' })
  })
})

describe('spreadsheet intake', () => {
  const roster = (rows: Parameters<typeof rosterFile>[0]) => rosterFile(rows)

  it('binds an upload to its uploader and team: nobody else previews or commits it', async () => {
    const fileID = await cloud.uploadRoster(
      'demo-medical-admin',
      'team-medical',
      await roster([goodRow(1, nthIdNumber(6000, 209))]),
    )
    const count = cloud.cloud.store.find('volunteers').length
    for (const [who, teamId] of [
      ['demo-city-admin', 'team-medical'],
      ['demo-owner', 'team-medical'],
      ['demo-heshan-admin', 'team-heshan'],
    ] as const) {
      for (const action of ['spreadsheet.importPreview', 'spreadsheet.importCommit'] as const)
        expect(await cloud.call(who, action, { teamId, fileID })).toMatchObject({
          ok: false,
          code: 'INVALID_INPUT',
          field: 'fileID',
        })
    }
    expect(cloud.cloud.store.find('volunteers')).toHaveLength(count)
  })

  it('deletes the roster once committed', async () => {
    const fileID = await cloud.uploadRoster(
      'demo-medical-admin',
      'team-medical',
      await roster([goodRow(1, nthIdNumber(6010, 209))]),
    )
    await expectOk(cloud.call('demo-medical-admin', 'spreadsheet.importCommit', { teamId: 'team-medical', fileID }))
    expect(
      await cloud.call('demo-medical-admin', 'spreadsheet.importPreview', { teamId: 'team-medical', fileID }),
    ).toMatchObject({
      ok: false,
      field: 'fileID',
    })
  })

  it('deletes rosters older than a day on the timer, and only on the timer', async () => {
    const fileID = await cloud.uploadRoster(
      'demo-medical-admin',
      'team-medical',
      await roster([goodRow(1, nthIdNumber(6020, 209))]),
    )
    await expectOk(cloud.call('demo-medical-admin', 'spreadsheet.importPreview', { teamId: 'team-medical', fileID }))
    cloud.cloud.store.update('uploads', { fileID }, { $set: { at: new Date(Date.now() - 2 * 86_400_000) } })
    // An app user cannot fire the timer: with an OPENID the event is an ordinary (unknown) action.
    expect(await cloud.raw('demo-owner', 'spreadsheet', { Type: 'Timer', TriggerName: 'purgeUploads' })).toMatchObject({
      ok: false,
    })
    expect(await cloud.raw('', 'spreadsheet', { Type: 'Timer', TriggerName: 'purgeUploads' })).toMatchObject({
      ok: true,
      data: { deleted: 1 },
    })
    expect(
      await cloud.call('demo-medical-admin', 'spreadsheet.importPreview', { teamId: 'team-medical', fileID }),
    ).toMatchObject({
      ok: false,
      field: 'fileID',
    })
  })

  it('refuses a cell longer than any field, without carrying its text', async () => {
    const fileID = await cloud.uploadRoster(
      'demo-medical-admin',
      'team-medical',
      await roster([{ ...goodRow(1, nthIdNumber(6030, 209)), employer: '院'.repeat(201) }]),
    )
    const p = await expectOk<ImportPreview>(
      cloud.call('demo-medical-admin', 'spreadsheet.importPreview', { teamId: 'team-medical', fileID }),
    )
    expect(p.rows[0]).toMatchObject({ outcome: 'invalid', errors: expect.arrayContaining(['有单元格超过 200 个字']) })
  })

  it('refuses a file over 2 MB before reading it', async () => {
    const fileID = await cloud.uploadRoster('demo-medical-admin', 'team-medical', Buffer.alloc(2 * 1024 * 1024 + 1, 1))
    const r = await cloud.call('demo-medical-admin', 'spreadsheet.importPreview', { teamId: 'team-medical', fileID })
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '文件超过 2 MB，请分批上传' })
  })

  it('refuses a small file with one huge cell quickly, before the spreadsheet library reads it', async () => {
    const fileID = await cloud.uploadRoster(
      'demo-medical-admin',
      'team-medical',
      await roster([{ ...goodRow(1, nthIdNumber(6040, 209)), specialty: 'x'.repeat(30_000_000) }]),
    )
    const started = Date.now()
    const r = await cloud.call('demo-medical-admin', 'spreadsheet.importPreview', { teamId: 'team-medical', fileID })
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'fileID' })
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('serves the template to administrators only', async () => {
    for (const who of ['demo-active', 'demo-organizer', 'wx-stranger-template'])
      expect(await cloud.call(who, 'spreadsheet.importTemplate', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('audit log viewer', () => {
  it('lets the owner and city administrators read it, filtered and paged; nobody else', async () => {
    const p = await registered()
    await expectOk(cloud.call('demo-heshan-admin', 'admin.reveal', { volunteerId: p.id, field: 'mobile' }))
    await expectOk(cloud.call('demo-heshan-admin', 'admin.reveal', { volunteerId: p.id, field: 'idNumber' }))
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    const first = await expectOk<{
      items: { action: string; target: string; actor: string }[]
      nextCursor: string | null
    }>(
      cloud.call('demo-city-admin', 'admin.auditLog', {
        action: 'reveal',
        actor: 'demo-heshan-admin',
        teamId: 'team-heshan',
        from: today,
        to: today,
        limit: 1,
      }),
    )
    expect(first.items).toEqual([
      expect.objectContaining({ action: 'reveal', target: p.id, actor: 'demo-heshan-admin' }),
    ])
    expect(first.nextCursor).not.toBeNull()
    const second = await expectOk<{ items: { detail: string }[] }>(
      cloud.call('demo-owner', 'admin.auditLog', {
        action: 'reveal',
        actor: 'demo-heshan-admin',
        teamId: 'team-heshan',
        limit: 1,
        cursor: first.nextCursor!,
      }),
    )
    expect(second.items).toHaveLength(1)
    const none = await expectOk<{ items: unknown[] }>(
      cloud.call('demo-owner', 'admin.auditLog', {
        teamId: 'team-anhua',
        action: 'reveal',
        actor: 'demo-heshan-admin',
      }),
    )
    expect(none.items).toEqual([])
    for (const who of ['demo-heshan-admin', 'demo-medical-admin', 'demo-organizer', 'demo-active'])
      expect(await cloud.call(who, 'admin.auditLog', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('offers no action that changes or deletes the log', async () => {
    const { schemas } = await import('../../types/schemas')
    expect(Object.keys(schemas).filter((a) => /audit/i.test(a))).toEqual(['admin.auditLog'])
  })
})
