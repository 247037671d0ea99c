/**
 * The volunteer journey of 附件1 steps 3–7 through the local cloud with the real SDK: every
 * transition, every refusal, and the races that must have exactly one winner.
 */
import { DEMO_ACTIVATION_CODE } from '../../emulator/seed'
import type { MeView } from '../../types/api'
import { makeIdNumber, validRegistration } from '../support/fixtures'
import { codeSentTo, expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 60_000)
afterAll(() => cloud?.close())

let seq = 100
/** A new WeChat user with a registration of their own (unique ID number and mobile). */
function newcomer(over: Parameters<typeof validRegistration>[0] = {}) {
  seq += 2
  const openid = `wx-reg-${seq}`
  const data = validRegistration({
    idNumber: makeIdNumber('19880808', seq + 1),
    mobile: `139${String(seq).padStart(8, '0')}`,
    ...over,
  })
  return { openid, data }
}

async function volunteerIdOf(openid: string): Promise<string> {
  const [doc] = cloud.cloud.store.find('volunteers', { openid })
  return doc._id
}

async function registerAndApprove(over: Parameters<typeof validRegistration>[0] = {}) {
  const p = newcomer(over)
  await expectOk(cloud.call(p.openid, 'volunteer.register', p.data))
  const id = await volunteerIdOf(p.openid)
  await expectOk(cloud.call('demo-heshan-admin', 'admin.approve', { items: [{ volunteerId: id, revision: 0 }] }))
  return { ...p, id, code: codeSentTo(cloud, p.openid) }
}

describe('register', () => {
  it('submits a registration that waits for review, with personal numbers masked and sealed', async () => {
    const p = newcomer()
    const me = await expectOk<MeView>(cloud.call(p.openid, 'volunteer.register', p.data))
    expect(me).toMatchObject({
      status: 'pending',
      team: { id: 'team-heshan' },
      profile: { name: '李明', birthYear: 1988 },
    })
    expect(me.profile?.idNumberMasked).toBe(p.data.idNumber.slice(0, 3) + '*'.repeat(11) + p.data.idNumber.slice(-4))
    const [stored] = cloud.cloud.store.find('volunteers', { openid: p.openid })
    expect(JSON.stringify(stored)).not.toContain(p.data.idNumber)
    expect(JSON.stringify(stored)).not.toContain(p.data.mobile)
  })

  it('refuses a second registration from the same account', async () => {
    const p = newcomer()
    await expectOk(cloud.call(p.openid, 'volunteer.register', p.data))
    expect(await cloud.call(p.openid, 'volunteer.register', p.data)).toMatchObject({
      ok: false,
      code: 'ALREADY_REGISTERED',
    })
  })

  it('refuses an ID number registered by another account without revealing it', async () => {
    const first = newcomer()
    await expectOk(cloud.call(first.openid, 'volunteer.register', first.data))
    const second = newcomer({ idNumber: first.data.idNumber })
    const r = await cloud.call(second.openid, 'volunteer.register', second.data)
    expect(r).toMatchObject({ ok: false, code: 'ID_NUMBER_TAKEN', field: 'idNumber' })
    if (!r.ok) expect(r.message).not.toContain(first.data.name)
    expect(cloud.cloud.store.find('volunteers', { openid: second.openid })).toHaveLength(0)
  })

  it('lets exactly one of two simultaneous registrations of one ID number through', async () => {
    const a = newcomer()
    const b = newcomer({ idNumber: a.data.idNumber })
    const results = await Promise.all([
      cloud.call(a.openid, 'volunteer.register', a.data),
      cloud.call(b.openid, 'volunteer.register', b.data),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'ID_NUMBER_TAKEN' })
  })

  it.each([
    ['idNumber', { idNumber: '430902198808080000' }],
    ['gender', { gender: 'female' as const }],
    ['mobile', { mobile: '12345' }],
    ['consent', { consent: false as unknown as true }],
    ['name', { name: '' }],
  ])('refuses an invalid %s and writes nothing', async (field, over) => {
    const p = newcomer(over)
    expect(await cloud.call(p.openid, 'volunteer.register', p.data)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field,
    })
    expect(cloud.cloud.store.find('volunteers', { openid: p.openid })).toHaveLength(0)
  })

  it('refuses a team that does not exist', async () => {
    const p = newcomer({ teamId: 'team-nowhere' })
    expect(await cloud.call(p.openid, 'volunteer.register', p.data)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'teamId',
    })
  })
})

describe('review', () => {
  it('shows pending registrations of the admin’s subtree only, oldest first', async () => {
    const mine = newcomer()
    const other = newcomer({ teamId: 'team-anhua' })
    await expectOk(cloud.call(mine.openid, 'volunteer.register', mine.data))
    await expectOk(cloud.call(other.openid, 'volunteer.register', other.data))
    const page = await expectOk<{ items: { volunteerId: string; team: { id: string }; submittedAt: string }[] }>(
      cloud.call('demo-heshan-admin', 'admin.reviewQueue', {}),
    )
    const ids = page.items.map((i) => i.volunteerId)
    expect(ids).toContain(await volunteerIdOf(mine.openid))
    expect(ids).not.toContain(await volunteerIdOf(other.openid))
    expect(page.items.every((i) => i.team.id === 'team-heshan' || i.team.id.startsWith('team-heshan-'))).toBe(true)
    const times = page.items.map((i) => i.submittedAt)
    expect([...times].sort()).toEqual(times)
  })

  it('pages the city admin’s queue by cursor without repeats', async () => {
    const first = await expectOk<{ items: { volunteerId: string }[]; nextCursor: string | null }>(
      cloud.call('demo-city-admin', 'admin.reviewQueue', { limit: 2 }),
    )
    expect(first.nextCursor).not.toBeNull()
    const second = await expectOk<{ items: { volunteerId: string }[] }>(
      cloud.call('demo-city-admin', 'admin.reviewQueue', { limit: 2, cursor: first.nextCursor! }),
    )
    const ids = [...first.items, ...second.items].map((i) => i.volunteerId)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('filters the queue to one team’s subtree in scope, on the same index, and refuses a team out of scope', async () => {
    const heshan = newcomer()
    const anhua = newcomer({ teamId: 'team-anhua' })
    await expectOk(cloud.call(heshan.openid, 'volunteer.register', heshan.data))
    await expectOk(cloud.call(anhua.openid, 'volunteer.register', anhua.data))
    // Grants read afresh, not kept from earlier calls (core/role-cache.ts).
    cloud.cloud.recycle('admin')
    const r = await cloud.call('demo-city-admin', 'admin.reviewQueue', { teamId: 'team-anhua', limit: 5 })
    const page = await expectOk(Promise.resolve(r))
    expect(page.items.length).toBeGreaterThan(0)
    expect(page.items.every((i) => i.team.id === 'team-anhua')).toBe(true)
    expect(page.items.map((i) => i.volunteerId)).toContain(await volunteerIdOf(anhua.openid))
    // Roles, the team, one page: the page reads only its own rows (limit + 1 at most) plus the team.
    expect(r.dbRequests).toBe(3)
    expect(r.docsExamined).toBeLessThanOrEqual(page.items.length + 1 + 1 + 1)
    const before = await expectOk(cloud.call('demo-heshan-admin', 'admin.reviewQueue', {}))
    expect(await cloud.call('demo-heshan-admin', 'admin.reviewQueue', { teamId: 'team-anhua' })).toMatchObject({
      ok: false,
      code: 'NOT_IN_SCOPE',
    })
    expect(await cloud.call('demo-heshan-admin', 'admin.reviewQueue', { teamId: 'team-nowhere' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    const own = await expectOk(cloud.call('demo-heshan-admin', 'admin.reviewQueue', { teamId: 'team-heshan' }))
    expect(own.items.map((i) => i.volunteerId)).toEqual(before.items.map((i) => i.volunteerId))
  })

  it('refuses the queue to someone who is not an administrator', async () => {
    expect(await cloud.call('demo-active', 'admin.reviewQueue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call('demo-organizer', 'admin.reviewQueue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('refuses an administrator of another county, and writes nothing', async () => {
    const p = newcomer()
    await expectOk(cloud.call(p.openid, 'volunteer.register', p.data))
    const id = await volunteerIdOf(p.openid)
    expect(
      await cloud.call('demo-medical-admin', 'admin.approve', { items: [{ volunteerId: id, revision: 0 }] }),
    ).toMatchObject({
      ok: false,
      code: 'NOT_IN_SCOPE',
    })
    expect(await cloud.call('demo-medical-admin', 'admin.reviewDetail', { volunteerId: id })).toMatchObject({
      ok: false,
      code: 'NOT_IN_SCOPE',
    })
    expect(
      await cloud.call('demo-medical-admin', 'admin.reveal', { volunteerId: id, field: 'idNumber' }),
    ).toMatchObject({ ok: false, code: 'NOT_IN_SCOPE' })
    expect(cloud.cloud.store.find('volunteers', { openid: p.openid })[0].status).toBe('pending')
  })

  it('shows the detail masked, and reveals in full only with an audit record', async () => {
    const p = newcomer()
    await expectOk(cloud.call(p.openid, 'volunteer.register', p.data))
    const id = await volunteerIdOf(p.openid)
    const detail = await expectOk<{
      profile: { idNumberMasked: string; mobileMasked: string }
      history: { action: string }[]
    }>(cloud.call('demo-heshan-admin', 'admin.reviewDetail', { volunteerId: id }))
    expect(detail.profile.mobileMasked).toBe(p.data.mobile.slice(0, 3) + '****' + p.data.mobile.slice(-4))
    expect(detail.history.map((h) => h.action)).toEqual(['submitted'])
    const before = cloud.cloud.store.find('audit_logs').length
    expect(
      await expectOk(cloud.call('demo-heshan-admin', 'admin.reveal', { volunteerId: id, field: 'idNumber' })),
    ).toEqual({
      value: p.data.idNumber,
    })
    const audits = cloud.cloud.store.find('audit_logs')
    expect(audits).toHaveLength(before + 1)
    expect(audits[audits.length - 1]).toMatchObject({
      by: 'demo-heshan-admin',
      action: 'reveal',
      target: id,
      detail: 'idNumber',
    })
  })

  it('approves: 待激活, a 6-digit code in the message, only its hash stored, reviewer recorded', async () => {
    const p = newcomer()
    await expectOk(cloud.call(p.openid, 'volunteer.register', p.data))
    const id = await volunteerIdOf(p.openid)
    const r = await expectOk(
      cloud.call('demo-heshan-admin', 'admin.approve', { items: [{ volunteerId: id, revision: 0 }] }),
    )
    expect(r).toEqual({ done: [id], failed: [] })
    const code = codeSentTo(cloud, p.openid)
    const [stored] = cloud.cloud.store.find('volunteers', { _id: id })
    expect(stored).toMatchObject({ status: 'approved', reviewedBy: 'demo-heshan-admin' })
    expect(JSON.stringify(stored)).not.toContain(`"${code}"`)
    const me = await expectOk<MeView>(cloud.call(p.openid, 'volunteer.me', {}))
    expect(me.status).toBe('approved')
    expect(me.notices[0]).toMatchObject({ title: '注册审核已通过', delivered: true })
  })

  it('lets exactly one of two admins approving at the same moment succeed', async () => {
    const p = newcomer()
    await expectOk(cloud.call(p.openid, 'volunteer.register', p.data))
    const id = await volunteerIdOf(p.openid)
    const [a, b] = await Promise.all([
      cloud.call('demo-heshan-admin', 'admin.approve', { items: [{ volunteerId: id, revision: 0 }] }),
      cloud.call('demo-city-admin', 'admin.approve', { items: [{ volunteerId: id, revision: 0 }] }),
    ])
    expect([a, b].filter((r) => r.ok)).toHaveLength(1)
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT' })
    expect(cloud.cloud.outbox().filter((m) => m.touser === p.openid)).toHaveLength(1)
  })

  it('lets exactly one of an approval and a rejection racing succeed', async () => {
    const p = newcomer()
    await expectOk(cloud.call(p.openid, 'volunteer.register', p.data))
    const id = await volunteerIdOf(p.openid)
    const results = await Promise.all([
      cloud.call('demo-heshan-admin', 'admin.approve', { items: [{ volunteerId: id, revision: 0 }] }),
      cloud.call('demo-city-admin', 'admin.reject', { volunteerId: id, revision: 0, reason: '资料不全' }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
  })

  it('batch-approves several and reports the ones it could not', async () => {
    const a = newcomer()
    const b = newcomer()
    const far = newcomer({ teamId: 'team-anhua' })
    for (const p of [a, b, far]) await expectOk(cloud.call(p.openid, 'volunteer.register', p.data))
    const ids = await Promise.all([a, b, far].map((p) => volunteerIdOf(p.openid)))
    const r = await expectOk<{ done: string[]; failed: { volunteerId: string; code: string }[] }>(
      cloud.call('demo-heshan-admin', 'admin.approve', {
        items: [...ids, 'vol-missing'].map((volunteerId) => ({ volunteerId, revision: 0 })),
      }),
    )
    expect(r.done).toEqual(ids.slice(0, 2))
    expect(r.failed).toEqual([
      expect.objectContaining({ volunteerId: ids[2], code: 'NOT_IN_SCOPE' }),
      expect.objectContaining({ volunteerId: 'vol-missing', code: 'NOT_FOUND' }),
    ])
  })

  it('approves a batch in one conditional update, each with its own code, and refuses a stale item unchanged', async () => {
    const people = [newcomer(), newcomer(), newcomer()]
    for (const p of people) await expectOk(cloud.call(p.openid, 'volunteer.register', p.data))
    const ids = await Promise.all(people.map((p) => volunteerIdOf(p.openid)))
    // The third edits after the reviewer opened it: the revision the reviewer saw is stale.
    await expectOk(cloud.call(people[2].openid, 'volunteer.update', { ...people[2].data, employer: '别的单位' }))
    const r = await cloud.call('demo-heshan-admin', 'admin.approve', {
      items: ids.map((volunteerId) => ({ volunteerId, revision: 0 })),
    })
    expect(r).toMatchObject({
      ok: true,
      data: {
        done: ids.slice(0, 2),
        failed: [{ volunteerId: ids[2], code: 'CONFLICT', message: '资料已更新，请重新查看' }],
      },
    })
    // roles + records, one update, read back (one fewer changed), history in one write; messages aside
    expect(r.breakdown.filter((b) => b.collection !== 'messages').map((b) => b.action)).toEqual([
      'database.aggregateDocuments',
      'database.getDocument',
      'database.modifyDocument',
      'database.getDocument',
      'database.insertDocument',
    ])
    expect(cloud.cloud.store.find('volunteers', { _id: ids[2] })[0]).toMatchObject({
      status: 'pending',
      activation: null,
    })
    const codes = people.slice(0, 2).map((p) => codeSentTo(cloud, p.openid))
    expect(codes[0]).toMatch(/^\d{6}$/)
    expect(codes[0]).not.toBe(codes[1])
    for (const [i, p] of people.slice(0, 2).entries()) {
      expect(cloud.cloud.store.find('reviews', { volunteerId: ids[i], action: 'approved' })).toHaveLength(1)
      // Each person's code opens only their own record.
      const other = people[1 - i]
      expect(await cloud.call(p.openid, 'volunteer.activate', { code: codes[1 - i] })).toMatchObject({
        code: 'CODE_INVALID',
      })
      expect(await expectOk<MeView>(cloud.call(p.openid, 'volunteer.me', {}))).toMatchObject({
        activationCode: codes[i],
      })
      expect(await expectOk<MeView>(cloud.call(p.openid, 'volunteer.activate', { code: codes[i] }))).toMatchObject({
        status: 'active',
      })
      expect(other.openid).not.toBe(p.openid)
    }
  })

  it('refuses to approve again what is already approved, leaving its code as it was', async () => {
    const v = await registerAndApprove()
    const before = cloud.cloud.store.find('volunteers', { _id: v.id })[0]
    expect(
      await cloud.call('demo-city-admin', 'admin.approve', { items: [{ volunteerId: v.id, revision: 0 }] }),
    ).toMatchObject({ ok: false, code: 'CONFLICT', message: '该注册已被其他管理员处理，请刷新列表' })
    expect(cloud.cloud.store.find('volunteers', { _id: v.id })[0]).toEqual(before)
  })

  it('refuses to reject what is already approved, leaving it as it was', async () => {
    const v = await registerAndApprove()
    const before = cloud.cloud.store.find('volunteers', { _id: v.id })[0]
    expect(
      await cloud.call('demo-city-admin', 'admin.reject', { volunteerId: v.id, revision: 0, reason: '资料不全' }),
    ).toMatchObject({ ok: false, code: 'WRONG_STATE', message: '该注册不在待审核状态' })
    expect(cloud.cloud.store.find('volunteers', { _id: v.id })[0]).toEqual(before)
  })

  it('approves each of a batch exactly once when two admins approve it at the same moment', async () => {
    const people = [newcomer(), newcomer(), newcomer(), newcomer()]
    for (const p of people) await expectOk(cloud.call(p.openid, 'volunteer.register', p.data))
    const items = (await Promise.all(people.map((p) => volunteerIdOf(p.openid)))).map((volunteerId) => ({
      volunteerId,
      revision: 0,
    }))
    const [a, b] = await Promise.all([
      expectOk<{ done: string[]; failed: { code: string }[] }>(
        cloud.call('demo-heshan-admin', 'admin.approve', { items }),
      ),
      expectOk<{ done: string[]; failed: { code: string }[] }>(
        cloud.call('demo-city-admin', 'admin.approve', { items }),
      ),
    ])
    expect([...a.done, ...b.done].sort()).toEqual(items.map((i) => i.volunteerId).sort())
    expect([...a.failed, ...b.failed].every((f) => f.code === 'CONFLICT')).toBe(true)
    for (const [i, p] of people.entries()) {
      expect(cloud.cloud.outbox().filter((m) => m.touser === p.openid)).toHaveLength(1)
      expect(cloud.cloud.store.find('reviews', { volunteerId: items[i].volunteerId, action: 'approved' })).toHaveLength(
        1,
      )
      const code = codeSentTo(cloud, p.openid)
      expect(await expectOk<MeView>(cloud.call(p.openid, 'volunteer.activate', { code }))).toMatchObject({
        status: 'active',
      })
    }
  })

  it('rejects with a reason that reaches the volunteer, who edits and resubmits', async () => {
    const p = newcomer()
    await expectOk(cloud.call(p.openid, 'volunteer.register', p.data))
    const id = await volunteerIdOf(p.openid)
    expect(
      await cloud.call('demo-heshan-admin', 'admin.reject', { volunteerId: id, revision: 0, reason: ' ' }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'reason',
    })
    await expectOk(
      cloud.call('demo-heshan-admin', 'admin.reject', { volunteerId: id, revision: 0, reason: '职务填写不完整' }),
    )
    const rejected = await expectOk<MeView>(cloud.call(p.openid, 'volunteer.me', {}))
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '职务填写不完整' })
    expect(
      cloud.cloud
        .outbox()
        .filter((m) => m.touser === p.openid)
        .pop()?.data.phrase2.value,
    ).toBe('未通过')

    const resubmitted = await expectOk<MeView>(
      cloud.call(p.openid, 'volunteer.update', { ...p.data, position: '物理教师（中学一级）' }),
    )
    expect(resubmitted).toMatchObject({ status: 'pending', rejectReason: null })
    const detail = await expectOk<{ resubmitted: boolean; history: { action: string; reason: string | null }[] }>(
      cloud.call('demo-heshan-admin', 'admin.reviewDetail', { volunteerId: id }),
    )
    expect(detail.resubmitted).toBe(true)
    expect(detail.history.map((h) => h.action)).toEqual(['submitted', 'rejected', 'submitted'])
  })

  it('keeps the review when the message cannot be delivered (43101), and shows it on 我的', async () => {
    const p = newcomer()
    await expectOk(cloud.call(p.openid, 'volunteer.register', p.data))
    cloud.cloud.refuseSubscription(p.openid)
    const id = await volunteerIdOf(p.openid)
    await expectOk(
      cloud.call('demo-heshan-admin', 'admin.reject', { volunteerId: id, revision: 0, reason: '请补充单位全称' }),
    )
    const me = await expectOk<MeView>(cloud.call(p.openid, 'volunteer.me', {}))
    expect(me.status).toBe('rejected')
    expect(me.notices[0]).toMatchObject({ title: '注册审核未通过', delivered: false })
    expect(me.notices[0].body).toContain('请补充单位全称')
  })

  it('refuses to review a registration twice', async () => {
    const v = await registerAndApprove()
    expect(
      await cloud.call('demo-heshan-admin', 'admin.reject', { volunteerId: v.id, revision: 0, reason: '重复' }),
    ).toMatchObject({
      ok: false,
      code: 'WRONG_STATE',
    })
  })
})

describe('activate', () => {
  it('activates with the code and makes the volunteer a member of the team', async () => {
    const v = await registerAndApprove()
    const me = await expectOk<MeView>(cloud.call(v.openid, 'volunteer.activate', { code: v.code }))
    expect(me.status).toBe('active')
    expect(cloud.cloud.store.find('memberships', { openid: v.openid })).toEqual([
      expect.objectContaining({ teamId: 'team-heshan', teamPath: ['team-city', 'team-heshan'], status: 'active' }),
    ])
  })

  it('activates the seeded volunteer with the code from their notice', async () => {
    expect(
      await expectOk<MeView>(cloud.call('demo-approved', 'volunteer.activate', { code: DEMO_ACTIVATION_CODE })),
    ).toMatchObject({ status: 'active' })
  })

  it('counts wrong codes and locks after five, until an admin re-issues', async () => {
    const v = await registerAndApprove()
    const wrong = v.code === '000000' ? '111111' : '000000'
    for (let left = 4; left >= 1; left--) {
      expect(await cloud.call(v.openid, 'volunteer.activate', { code: wrong })).toMatchObject({
        ok: false,
        code: 'CODE_INVALID',
        message: `激活码不正确，还可以尝试 ${left} 次`,
      })
    }
    expect(await cloud.call(v.openid, 'volunteer.activate', { code: wrong })).toMatchObject({
      ok: false,
      code: 'CODE_LOCKED',
    })
    expect(await cloud.call(v.openid, 'volunteer.activate', { code: v.code })).toMatchObject({
      ok: false,
      code: 'CODE_LOCKED',
    })
    // Refused by the writes' own conditions: a locked code is neither counted further nor activated.
    expect(await cloud.call(v.openid, 'volunteer.activate', { code: wrong })).toMatchObject({ code: 'CODE_LOCKED' })
    expect(cloud.cloud.store.find('volunteers', { _id: v.id })[0]).toMatchObject({
      status: 'approved',
      activation: { failures: 5 },
    })
    expect(cloud.cloud.store.find('memberships', { openid: v.openid })).toHaveLength(0)
    expect(await expectOk<MeView>(cloud.call(v.openid, 'volunteer.me', {}))).toMatchObject({ activationLocked: true })

    await expectOk(cloud.call('demo-heshan-admin', 'admin.reissueCode', { volunteerId: v.id }))
    const fresh = codeSentTo(cloud, v.openid)
    if (fresh !== v.code) {
      expect(await cloud.call(v.openid, 'volunteer.activate', { code: v.code })).toMatchObject({
        ok: false,
        code: 'CODE_INVALID',
      })
    }
    expect(await expectOk<MeView>(cloud.call(v.openid, 'volunteer.activate', { code: fresh }))).toMatchObject({
      status: 'active',
    })
  })

  // Eight simultaneous calls start eight instances: slow on a busy machine.
  it('holds the lock under simultaneous wrong codes', async () => {
    const v = await registerAndApprove()
    const wrong = v.code === '000000' ? '111111' : '000000'
    await Promise.all(Array.from({ length: 8 }, () => cloud.call(v.openid, 'volunteer.activate', { code: wrong })))
    expect(await cloud.call(v.openid, 'volunteer.activate', { code: v.code })).toMatchObject({
      ok: false,
      code: 'CODE_LOCKED',
    })
  }, 30_000)

  it('activates once under simultaneous correct codes, with one membership', async () => {
    const v = await registerAndApprove()
    const results = await Promise.all(
      Array.from({ length: 5 }, () => cloud.call(v.openid, 'volunteer.activate', { code: v.code })),
    )
    expect(results.every((r) => r.ok && r.data.status === 'active')).toBe(true)
    expect(cloud.cloud.store.find('memberships', { openid: v.openid })).toHaveLength(1)
  })

  it('refuses an expired code', async () => {
    const v = await registerAndApprove()
    cloud.cloud.store.update(
      'volunteers',
      { _id: v.id },
      { $set: { 'activation.expiresAt': new Date(Date.now() - 1000) } },
    )
    expect(await cloud.call(v.openid, 'volunteer.activate', { code: v.code })).toMatchObject({
      ok: false,
      code: 'CODE_EXPIRED',
    })
  })

  it('refuses activation before approval, and a malformed code', async () => {
    const p = newcomer()
    await expectOk(cloud.call(p.openid, 'volunteer.register', p.data))
    expect(await cloud.call(p.openid, 'volunteer.activate', { code: '123456' })).toMatchObject({
      ok: false,
      code: 'WRONG_STATE',
    })
    expect(await cloud.call(p.openid, 'volunteer.activate', { code: '12ab' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'code',
    })
    expect(await cloud.call('wx-never-registered', 'volunteer.activate', { code: '123456' })).toMatchObject({
      ok: false,
      code: 'WRONG_STATE',
    })
  })
})

describe('after activation', () => {
  it('changes contact, skills and availability freely', async () => {
    const v = await registerAndApprove()
    await expectOk(cloud.call(v.openid, 'volunteer.activate', { code: v.code }))
    const me = await expectOk<MeView>(
      cloud.call(v.openid, 'volunteer.update', {
        ...v.data,
        mobile: '13700000001',
        skills: ['medical', 'youth'],
        availability: { slots: ['evening'], note: '' },
      }),
    )
    expect(me).toMatchObject({
      status: 'active',
      profile: { mobileMasked: '137****0001', skills: ['medical', 'youth'] },
    })
  })

  it('sends an identity change back to review and suspends the membership', async () => {
    const v = await registerAndApprove()
    await expectOk(cloud.call(v.openid, 'volunteer.activate', { code: v.code }))
    const me = await expectOk<MeView>(
      cloud.call(v.openid, 'volunteer.update', { ...v.data, employer: '益阳市第一中学' }),
    )
    expect(me.status).toBe('pending')
    expect(cloud.cloud.store.find('memberships', { openid: v.openid })[0].status).toBe('suspended')
  })

  it('lets a volunteer who left register again, back to review, refusing an ID number of someone else', async () => {
    const v = await registerAndApprove()
    await expectOk(cloud.call(v.openid, 'volunteer.leave', {}))
    const other = newcomer()
    await expectOk(cloud.call(other.openid, 'volunteer.register', other.data))
    expect(
      await cloud.call(v.openid, 'volunteer.register', { ...v.data, idNumber: other.data.idNumber }),
    ).toMatchObject({
      ok: false,
      code: 'ID_NUMBER_TAKEN',
    })
    expect(await expectOk<MeView>(cloud.call(v.openid, 'volunteer.register', v.data))).toMatchObject({
      status: 'pending',
    })
    expect(cloud.cloud.store.find('volunteers', { openid: v.openid })).toHaveLength(1)
  })

  it('leaves (退出) keeping the record and history', async () => {
    const v = await registerAndApprove()
    await expectOk(cloud.call(v.openid, 'volunteer.activate', { code: v.code }))
    expect(await expectOk<MeView>(cloud.call(v.openid, 'volunteer.leave', {}))).toMatchObject({ status: 'left' })
    expect(cloud.cloud.store.find('memberships', { openid: v.openid })[0].status).toBe('left')
    const detail = await expectOk<{ history: unknown[] }>(
      cloud.call('demo-heshan-admin', 'admin.reviewDetail', { volunteerId: v.id }),
    )
    expect(detail.history.length).toBeGreaterThanOrEqual(2)
    expect(await cloud.call(v.openid, 'volunteer.leave', {})).toMatchObject({ ok: false, code: 'WRONG_STATE' })
  })
})

describe('database requests per action', () => {
  it('measures register, approve, activate and 我的', async () => {
    const p = newcomer()
    const register = await cloud.call(p.openid, 'volunteer.register', p.data)
    const id = await volunteerIdOf(p.openid)
    // Grants read afresh, not kept from earlier calls (core/role-cache.ts).
    cloud.cloud.recycle('admin')
    const approve = await cloud.call('demo-heshan-admin', 'admin.approve', {
      items: [{ volunteerId: id, revision: 0 }],
    })
    const activate = await cloud.call(p.openid, 'volunteer.activate', { code: codeSentTo(cloud, p.openid) })
    const me = await cloud.call(p.openid, 'volunteer.me', {})
    const counts = {
      register: register.dbRequests,
      approve: approve.dbRequests,
      activate: activate.dbRequests,
      me: me.dbRequests,
    }
    // register: team + today's "taken" allowance, insert (one write); 我的 answered from what it wrote
    // approve: roles, the records, compare-and-set, review log, message
    // activate: record with grants and notices, compare-and-set, membership, the member counters of
    // the new path's teams (one update); 我的 answered from them
    // 我的: record with grants, notices
    expect(counts).toEqual({ register: 3, approve: 5, activate: 4, me: 2 })
  })
})
