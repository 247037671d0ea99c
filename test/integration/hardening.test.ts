/**
 * What an attacker (any WeChat account, every `event` field theirs) or a careless day could do to
 * registration, review and activation, each pinned by a test that fails without its guard.
 */
import type { MeView, ReviewDetail } from '../../types/api'
import { makeIdNumber, validRegistration } from '../support/fixtures'
import { codeSentTo, expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'

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

const idOf = (openid: string): string => cloud.cloud.store.find('volunteers', { openid })[0]._id
const stored = (id: string) => cloud.cloud.store.find('volunteers', { _id: id })[0]

async function registered(over: Parameters<typeof validRegistration>[0] = {}) {
  const p = newcomer(over)
  await expectOk(cloud.call(p.openid, 'volunteer.register', p.data))
  return { ...p, id: idOf(p.openid) }
}

async function approved(over: Parameters<typeof validRegistration>[0] = {}) {
  const p = await registered(over)
  await expectOk(cloud.call('demo-heshan-admin', 'admin.approve', { items: [{ volunteerId: p.id, revision: 0 }] }))
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
  it('evaluates at most five of ten simultaneous codes, and the right code among them is refused once locked', async () => {
    const p = await approved()
    const wrong = p.code === '000000' ? '111111' : '000000'
    const results = await Promise.all(
      Array.from({ length: 10 }, () => cloud.call(p.openid, 'volunteer.activate', { code: wrong })),
    )
    const evaluated = results.filter((r) => !r.ok && r.code === 'CODE_INVALID')
    expect(evaluated.length).toBeLessThanOrEqual(4)
    expect(results.filter((r) => !r.ok && r.code === 'CODE_LOCKED').length).toBeGreaterThanOrEqual(6)
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
